import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { entityOperations } from '../helpers/entity';
import type { Entity } from '../helpers/entity';
import { businessIdField, entityDescription, flagField, numberField } from '../helpers/entityDescription';

const team: Entity = {
	resource: 'team',
	label: 'Team',
	path: '/spaces/teams',
	prefix: 'Team',
	required: [businessIdField, textField('Name', 'Name', { required: true })],
	optional: [
		numberField('Paying Member ID', 'PayingMemberId'),
		flagField('Create Single Invoice for Team', 'CreateSingleInvoiceForTeam', 'Whether to bill the whole team on one invoice'),
		textField('Description', 'Description'),
	],
};

const entity = entityOperations(team);

export const operations: Record<string, ItemOperation> = {
	create: entity.create,
	delete: entity.delete,
	get: entity.get,
	getAll: entity.getAll,
	update: entity.update,
};

export const description = entityDescription(team, Object.keys(operations));
