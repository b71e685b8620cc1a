import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idParameter } from '../../shared/actions/parameters';
import type { ItemOperation } from '../../shared/actions/runItems';
import { upsertByEmail } from '../../shared/actions/upsert';
import { operationSelector, scoped, textField } from '../../shared/descriptions/fields';
import { notFoundError } from '../../shared/transport/errors';
import { faveoAnswer, faveoRequest } from '../transport';

const H = '/v1/helpdesk';

async function searchCustomers(this: IExecuteFunctions, search: string): Promise<IDataObject[]> {
	return (await faveoRequest.call(this, 'GET', `${H}/customers`, faveoAnswer('result', 'list'), { qs: { search } })).result as IDataObject[];
}

/** Faveo generates the password of a registered customer (and may email them). */
async function register(this: IExecuteFunctions, i: number, email?: string): Promise<IDataObject> {
	const body: IDataObject = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
	if (email !== undefined) body.email = email;
	for (const field of ['username', 'first_name']) body[field] = this.getNodeParameter(field, i);
	const registered = (await faveoRequest.call(this, 'POST', `${H}/register`, faveoAnswer('register', 'object'), { body })).register as IDataObject;
	return (registered.user as IDataObject | undefined) ?? registered;
}

export const operations: Record<string, ItemOperation> = {
	create: async function (i) {
		return await register.call(this, i);
	},
	get: async function (i) {
		const id = idParameter(this, 'customerId', 'Faveo customer', i);
		// Faveo answers `"result": null` for an id that is not a customer's.
		const customer = (await faveoRequest.call(this, 'GET', `${H}/customer`, faveoAnswer('result', 'objectOrNull'), { qs: { user_id: id } })).result;
		if (customer) return customer as IDataObject;
		throw notFoundError(this.getNode(), `Faveo customer ${id} was not found`, 'Agents and admins are not customers.');
	},
	search: async function (i) {
		return await searchCustomers.call(this, String(this.getNodeParameter('search', i)));
	},
	/**
	 * Faveo has no endpoint to update a user, so this finds the customer by email (any letter case) or
	 * registers them: `action_type` is "created", or "found" for a customer returned as it is.
	 */
	findOrCreate: async function (i) {
		const result = await upsertByEmail.call(this, i, {
			providerName: 'Faveo',
			record: 'customer',
			email: String(this.getNodeParameter('email', i)),
			find: async (email) => await searchCustomers.call(this, email),
			emailOf: (customer) => customer.email,
			create: async () => await register.call(this, i, String(this.getNodeParameter('email', i)).trim()),
			update: async (existing) => existing,
		});
		return result.action_type === 'updated' ? { ...result, action_type: 'found' } : result;
	},
};

export const description: INodeProperties[] = [
	operationSelector('customer', [
		{ name: 'Search', value: 'search', action: 'Search customers' },
		{ name: 'Create', value: 'create', action: 'Register a customer' },
		{ name: 'Find or Create', value: 'findOrCreate', action: 'Find a customer by email or register them' },
		{ name: 'Get', value: 'get', action: 'Get a customer' },
	]),
	{
		displayName:
			'Faveo cannot update users: a customer with this email (in any letter case) is returned as it is, with action_type "found"; otherwise one is registered, with action_type "created"',
		name: 'findOrCreateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['customer'], operation: ['findOrCreate'] } },
	},
	...scoped('customer', ['findOrCreate'], [textField('Email', 'email', { required: true, placeholder: 'name@example.com' })]),
	...scoped('customer', ['get'], [textField('Customer ID', 'customerId', { required: true })]),
	...scoped('customer', ['search'], [textField('Search Text', 'search', { required: true, description: 'Part of the name, user name or email' })]),
	...scoped('customer', ['create', 'findOrCreate'], [
		textField('Username', 'username', { required: true, description: 'Unique; Faveo generates the password (and may email the customer)' }),
		textField('First Name', 'first_name', { required: true }),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [textField('Email', 'email'), textField('Last Name', 'last_name'), textField('Mobile', 'mobile'), textField('Mobile Country Code', 'code')],
		},
	]),
];
