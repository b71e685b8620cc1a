/** Structural invariants shared by every node: the description and the router must agree. */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { CrmPlatform } from '../nodes/CrmPlatform/CrmPlatform.node';
import { crmPlatformOperations } from '../nodes/CrmPlatform/actions/router';
import { FluentCrm } from '../nodes/FluentCrm/FluentCrm.node';
import { FaveoHelpdesk } from '../nodes/FaveoHelpdesk/FaveoHelpdesk.node';
import { faveoOperations } from '../nodes/FaveoHelpdesk/actions/router';
import { FuseUniversal } from '../nodes/FuseUniversal/FuseUniversal.node';
import { fuseOperations } from '../nodes/FuseUniversal/actions/router';
import { Nexudus } from '../nodes/Nexudus/Nexudus.node';
import { nexudusOperations } from '../nodes/Nexudus/actions/router';
import { fluentCrmOperations } from '../nodes/FluentCrm/actions/router';
import type { OperationTable } from '../nodes/shared/actions/router';

const nodes: Array<[string, INodeType, OperationTable]> = [
	['FluentCRM', new FluentCrm(), fluentCrmOperations],
	['CRM Platform', new CrmPlatform(), crmPlatformOperations],
	['Nexudus', new Nexudus(), nexudusOperations],
	['Fuse Universal', new FuseUniversal(), fuseOperations],
	['Faveo Helpdesk', new FaveoHelpdesk(), faveoOperations],
];

const optionValues = (property: INodeProperties) => (property.options ?? []).map((option) => (option as { value: string }).value);

describe.each(nodes)('%s node description', (_name, node, table) => {
	const { properties } = node.description;
	const resource = properties.find((property) => property.name === 'resource')!;
	const operationSelectors = properties.filter((property) => property.name === 'operation');

	it('is usable as an AI tool and lists its credentials', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.credentials?.length).toBeGreaterThan(0);
	});

	it('offers exactly the resources and operations the router implements', () => {
		const described = operationSelectors.flatMap((selector) =>
			(selector.displayOptions?.show?.resource as string[]).flatMap((res) => optionValues(selector).map((operation) => `${res}.${operation}`)),
		);
		const implemented = Object.entries(table).flatMap(([res, operations]) => Object.keys(operations).map((operation) => `${res}.${operation}`));
		expect(described.sort()).toEqual(implemented.sort());
		expect(optionValues(resource).sort()).toEqual(Object.keys(table).sort());
	});

	it('gives every operation an action and keeps option lists alphabetical', () => {
		for (const selector of [resource, ...operationSelectors]) {
			const names = (selector.options ?? []).map((option) => (option as { name: string }).name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
		for (const selector of operationSelectors) {
			for (const option of selector.options ?? []) expect((option as { action?: string }).action).toBeTruthy();
		}
	});

	it('scopes every other field to a resource that exists', () => {
		const resources = optionValues(resource);
		for (const property of properties) {
			if (['resource', 'authentication'].includes(property.name)) continue;
			const shown = property.displayOptions?.show?.resource as string[] | undefined;
			expect({ name: property.name, shown }).toEqual({ name: property.name, shown: expect.any(Array) });
			for (const res of shown!) expect(resources).toContain(res);
		}
	});
});
