import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { entityOperations } from '../helpers/entity';
import type { Entity } from '../helpers/entity';
import { businessIdField, entityDescription, flagField, numberField } from '../helpers/entityDescription';

const product: Entity = {
	resource: 'product',
	label: 'Product',
	path: '/billing/products',
	prefix: 'Product',
	required: [businessIdField, textField('Name', 'Name', { required: true }), numberField('Price', 'Price', { required: true, typeOptions: { numberPrecision: 2 } })],
	optional: [numberField('Currency ID', 'CurrencyId'), textField('Description', 'Description'), flagField('Visible', 'Visible', 'Whether members can buy it in the portal')],
};

const entity = entityOperations(product);

export const operations: Record<string, ItemOperation> = {
	create: entity.create,
	delete: entity.delete,
	get: entity.get,
	getAll: entity.getAll,
	update: entity.update,
};

export const description = entityDescription(product, Object.keys(operations));
