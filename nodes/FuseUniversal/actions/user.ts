import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { randomBytes } from 'crypto';

import { idList, idParameter } from '../../shared/actions/parameters';
import type { ItemOperation } from '../../shared/actions/runItems';
import { expectObject, orNoContent } from '../../shared/transport/answer';
import { operationSelector, scoped, textField } from '../../shared/descriptions/fields';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { filtersField, profileField, userFields } from '../helpers/userFields';
import { fusePages, fuseRecord, fuseRequest, unwrap } from '../transport';

/** Fuse requires a local password even on SSO instances: make one that passes common policies. */
function randomPassword(): string {
	return `${randomBytes(18).toString('base64url')}aA1!`;
}

function profileValues(context: IExecuteFunctions, i: number): IDataObject | undefined {
	const entries = (context.getNodeParameter('profile.field', i, []) as Array<{ name: string; value: string }>).filter((entry) => entry.name);
	return entries.length ? Object.fromEntries(entries.map((entry) => [entry.name, entry.value])) : undefined;
}

const userId = (context: IExecuteFunctions, i: number) => idParameter(context, 'userId', 'Fuse user', i);

async function readUser(this: IExecuteFunctions, id: number): Promise<IDataObject> {
	return unwrap(await fuseRequest.call(this, 'GET', `/manage/users/${id}`, fuseRecord('user')), 'user');
}

function withoutPasswords(record: IDataObject): IDataObject {
	const clean = { ...record };
	delete clean.password;
	delete clean.password_confirmation;
	return clean;
}

export const operations: Record<string, ItemOperation> = {
	create: async function (i) {
		const extra = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		const password = String(extra.password || randomPassword());
		delete extra.password;
		const user: IDataObject = { username: this.getNodeParameter('username', i), email: this.getNodeParameter('email', i), ...extra, password, password_confirmation: password };
		const profile = profileValues(this, i);
		if (profile) user.profile = profile;
		const answer = await fuseRequest.call(this, 'POST', '/manage/users', fuseRecord('user'), { body: { users: [user] } });
		return withoutPasswords(unwrap(answer, 'user'));
	},
	deactivate: async function (i) {
		const id = userId(this, i);
		await fuseRequest.call(this, 'DELETE', `/manage/users/${id}`, orNoContent(expectObject()));
		return { id, deactivated: true };
	},
	get: async function (i) {
		return await readUser.call(this, userId(this, i));
	},
	getAll: async function (i) {
		const filters = { ...(this.getNodeParameter('filters', i, {}) as IDataObject) };
		const qs: IDataObject = {};
		if (filters.ids) qs.id = idList(this, filters.ids, 'Fuse user', i).join(',');
		if (filters.email) qs.email = filters.email;
		for (const { name, value } of ((filters.field as IDataObject | undefined)?.condition as Array<{ name: string; value: string }> | undefined) ?? []) {
			if (name) qs[name] = value;
		}
		return await fusePages.call(this, '/manage/users', 'users', qs, readLimit((name) => this.getNodeParameter(name, i)));
	},
	getMe: async function () {
		return unwrap(await fuseRequest.call(this, 'GET', '/users/me', fuseRecord('user')), 'user');
	},
	restore: async function (i) {
		const id = userId(this, i);
		await fuseRequest.call(this, 'PUT', `/manage/users/${id}/restore`, fuseRecord('user'));
		return await readUser.call(this, id);
	},
	update: async function (i) {
		const id = userId(this, i);
		const changes = { ...(this.getNodeParameter('updateFields', i, {}) as IDataObject) };
		if (changes.manager_ids !== undefined) changes.manager_ids = idList(this, changes.manager_ids, 'manager', i);
		const profile = profileValues(this, i);
		if (profile) changes.profile = profile;
		// Fuse wants the username on every update: keep the current one unless it changes.
		const username = changes.username ?? (await readUser.call(this, id)).username;
		await fuseRequest.call(this, 'PUT', `/manage/users/${id}`, fuseRecord('user'), { body: { ...changes, username } });
		return await readUser.call(this, id);
	},
};

export const description: INodeProperties[] = [
	operationSelector('user', [
		{ name: 'Get', value: 'get', action: 'Get a user' },
		{ name: 'Create', value: 'create', action: 'Create a user' },
		{ name: 'Deactivate', value: 'deactivate', action: 'Deactivate a user' },
		{ name: 'Get Current User', value: 'getMe', action: 'Get the current user' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many users' },
		{ name: 'Restore', value: 'restore', action: 'Restore a deactivated user' },
		{ name: 'Update', value: 'update', action: 'Update a user' },
	]),
	{
		displayName: 'Managing users needs a Fuse admin account in the credential',
		name: 'adminNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['user'], operation: ['create', 'deactivate', 'get', 'getAll', 'restore', 'update'] } },
	},
	...scoped('user', ['get', 'update', 'deactivate', 'restore'], [textField('User ID', 'userId', { required: true })]),
	...scoped('user', ['create'], [
		textField('Username', 'username', { required: true }),
		textField('Email', 'email', { required: true, placeholder: 'name@example.com' }),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...userFields,
				textField('Password', 'password', {
					typeOptions: { password: true },
					description: 'Must meet the instance’s password policy. Left empty, a random password is generated (Fuse requires one even with SSO).',
				}),
			],
		},
		profileField,
	]),
	...scoped('user', ['update'], [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...userFields,
				textField('Email', 'email'),
				textField('Manager IDs', 'manager_ids', { description: 'Comma-separated Fuse user IDs (managers can only be set by an update)' }),
				textField('Username', 'username'),
			].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		profileField,
	]),
	...returnAllOrLimit({ resource: ['user'], operation: ['getAll'] }),
	...scoped('user', ['getAll'], [filtersField]),
];
