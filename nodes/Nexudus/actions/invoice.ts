import type { ItemOperation } from '../../shared/actions/runItems';
import { entityOperations } from '../helpers/entity';
import type { Entity } from '../helpers/entity';
import { entityDescription } from '../helpers/entityDescription';

/** Read-only here: writing an invoice needs its whole billing record. */
const invoice: Entity = {
	resource: 'invoice',
	label: 'Invoice',
	path: '/billing/coworkerinvoices',
	prefix: 'CoworkerInvoice',
	required: [],
	optional: [],
};

const entity = entityOperations(invoice);

export const operations: Record<string, ItemOperation> = {
	get: entity.get,
	getAll: entity.getAll,
};

export const description = entityDescription(invoice, Object.keys(operations));
