import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { nexudusRequest } from '../transport';
import { coworker } from './catalog';
import { createRecord, fieldValues, mergeUpdate } from './entity';
import { scoped } from './description';

/**
 * Create or update keyed on the email. Nexudus does not document whether `Coworker_Email` matches
 * exactly, so rows are compared client-side (reference §4); several matches fail instead of guessing.
 */
export const upsertCoworker: ItemOperation = async function (i) {
	const email = String(this.getNodeParameter('Email', i)).trim();
	const page = (await nexudusRequest.call(this, 'GET', coworker.path, { qs: { Coworker_Email: email, page: 1, size: 25 } })) as IDataObject;
	const matches = ((page.Records as IDataObject[] | undefined) ?? []).filter((row) => String(row.Email).toLowerCase() === email.toLowerCase());
	if (matches.length > 1) {
		throw new NodeOperationError(this.getNode(), `${matches.length} Nexudus coworkers have the email ${email}`, {
			itemIndex: i,
			description: 'The node does not guess which one to update: merge the duplicates in Nexudus, or update one by ID.',
		});
	}
	const changes = { ...fieldValues(this, i, 'additionalFields'), FullName: this.getNodeParameter('FullName', i), Email: email };
	if (matches.length === 1) return { ...(await mergeUpdate.call(this, coworker, Number(matches[0].Id), changes)), action_type: 'updated' };
	const body: IDataObject = { ...coworker.createDefaults, ...changes };
	for (const field of ['CountryId', 'SimpleTimeZoneId']) body[field] = this.getNodeParameter(field, i);
	return { ...(await createRecord.call(this, coworker, body)), action_type: 'created' };
};

export const upsertDescription: INodeProperties[] = scoped('coworker', ['upsert'], [
	...coworker.required,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...coworker.optional].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
]);
