import type { IDataObject, INodeProperties } from 'n8n-workflow';

const OPERATORS = [
	['Equals', 'eq'],
	['Not Equals', 'ne'],
	['Contains (Case-Insensitive)', 'contains'],
	['Does Not Contain', 'ncontains'],
	['Greater Than', 'gt'],
	['Greater Than or Equal', 'gte'],
	['Less Than', 'lt'],
	['Less Than or Equal', 'lte'],
	['In (Comma-Separated)', 'in'],
	['Is Null', 'null'],
] as const;

/** Strapi v3 filters (`field_op=value`), search (`_q`) and sort (`_sort=field:DIR`) for every Get Many. */
export const queryOptions: INodeProperties = {
	displayName: 'Options',
	name: 'queryOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Conditions on fields; related fields by dotted path, e.g. individual.first_name. Text comparisons follow the server’s database: MySQL and MariaDB ignore upper and lower case.',
			options: [
				{
					name: 'condition',
					displayName: 'Condition',
					values: [
						{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'e.g. updated_at' },
						{ displayName: 'Operator', name: 'operator', type: 'options', options: OPERATORS.map(([name, value]) => ({ name, value })), default: 'eq' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Full-text search (Strapi _q)' },
		{ displayName: 'Sort', name: 'sort', type: 'string', default: '', placeholder: 'e.g. updated_at:DESC', description: 'Field and direction, comma-separated for several' },
	],
};

/** Turns the Options collection into Strapi query parameters. */
export function strapiQuery(options: IDataObject): IDataObject {
	const qs: IDataObject = {};
	const conditions = ((options.filters as IDataObject | undefined)?.condition as IDataObject[] | undefined) ?? [];
	for (const { field, operator, value } of conditions) {
		if (!field) continue;
		const key = operator === 'eq' ? String(field) : `${String(field)}_${String(operator)}`;
		qs[key] = operator === 'in' ? String(value).split(',').map((entry) => entry.trim()) : value;
	}
	if (options.search) qs._q = options.search;
	if (options.sort) qs._sort = options.sort;
	return qs;
}
