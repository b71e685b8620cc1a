import type { ItemOperation } from '../../shared/actions/runItems';
import { listingDescription, listingGet, listingGetAll } from '../helpers/listing';
import type { Listing } from '../helpers/listing';

const learningPlan: Listing & { oneKey: string } = { resource: 'learningPlan', label: 'Learning Plan', path: '/learning-plans', key: 'learning_plans', oneKey: 'learning_plan', olderVersionsOnly: true };

export const operations: Record<string, ItemOperation> = {
	get: listingGet(learningPlan),
	getAll: listingGetAll(learningPlan),
};

export const description = listingDescription(learningPlan);
