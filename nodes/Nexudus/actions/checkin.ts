import type { ItemOperation } from '../../shared/actions/runItems';
import { entityOperations } from '../helpers/entity';
import type { Entity } from '../helpers/entity';
import { entityDescription } from '../helpers/entityDescription';

const checkin: Entity = {
	resource: 'checkin',
	label: 'Check-In',
	path: '/spaces/checkins',
	prefix: 'Checkin',
	required: [],
	optional: [],
};

const entity = entityOperations(checkin);

export const operations: Record<string, ItemOperation> = {
	get: entity.get,
	getAll: entity.getAll,
};

export const description = entityDescription(checkin, Object.keys(operations));
