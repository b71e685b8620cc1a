import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { randomBytes } from 'crypto';

import type { ItemOperation } from '../../shared/actions/runItems';
import { readLimit } from '../../shared/descriptions/returnAllOrLimit';
import { fusePages, fuseRequest, unwrap } from '../transport';

function userId(context: IExecuteFunctions, i: number): string {
	const id = String(context.getNodeParameter('userId', i)).trim();
	if (/^[0-9]+$/.test(id)) return id;
	throw new NodeOperationError(context.getNode(), `"${id}" is not a valid Fuse user ID`, { itemIndex: i });
}

/** Fuse requires a local password even on SSO instances (reference §3.1): make one that passes common policies. */
export function randomPassword(): string {
	return `${randomBytes(18).toString('base64url')}aA1!`;
}

function profileFields(context: IExecuteFunctions, i: number): IDataObject | undefined {
	const entries = (context.getNodeParameter('profile.field', i, []) as Array<{ name: string; value: string }>).filter((entry) => entry.name);
	return entries.length ? Object.fromEntries(entries.map((entry) => [entry.name, entry.value])) : undefined;
}

function managerIds(value: unknown): number[] {
	return String(value ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean)
		.map(Number);
}

async function getUser(this: IExecuteFunctions, id: string): Promise<IDataObject> {
	return unwrap(await fuseRequest.call(this, 'GET', `/manage/users/${id}`), 'user');
}

export const userOperations: Record<string, ItemOperation> = {
	get: async function (i) {
		return await getUser.call(this, userId(this, i));
	},
	getMe: async function () {
		return unwrap(await fuseRequest.call(this, 'GET', '/users/me'), 'user');
	},
	getAll: async function (i) {
		const filters = { ...(this.getNodeParameter('filters', i, {}) as IDataObject) };
		const qs: IDataObject = {};
		if (filters.ids) qs.id = String(filters.ids).replace(/\s+/g, '');
		if (filters.email) qs.email = filters.email;
		for (const { name, value } of ((filters.field as IDataObject | undefined)?.condition as Array<{ name: string; value: string }> | undefined) ?? []) {
			if (name) qs[name] = value;
		}
		return await fusePages.call(this, '/manage/users', 'users', qs, readLimit((name) => this.getNodeParameter(name, i)));
	},
	create: async function (i) {
		const extra = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		const password = String(extra.password || randomPassword());
		delete extra.password;
		const user: IDataObject = {
			username: this.getNodeParameter('username', i),
			email: this.getNodeParameter('email', i),
			...extra,
			password,
			password_confirmation: password,
		};
		const profile = profileFields(this, i);
		if (profile) user.profile = profile;
		const response = (await fuseRequest.call(this, 'POST', '/manage/users', { body: { users: [user] } })) as IDataObject;
		const created = Array.isArray(response?.users) ? (response.users as IDataObject[]) : [unwrap(response, 'user')];
		return created.map((record) => {
			const clean = { ...record };
			delete clean.password;
			delete clean.password_confirmation;
			return clean;
		});
	},
	update: async function (i) {
		const id = userId(this, i);
		const changes = { ...(this.getNodeParameter('updateFields', i, {}) as IDataObject) };
		if (changes.manager_ids !== undefined) changes.manager_ids = managerIds(changes.manager_ids);
		const profile = profileFields(this, i);
		if (profile) changes.profile = profile;
		// Fuse wants the username on every update (reference §3.1): keep the current one unless it changes.
		const username = changes.username ?? (await getUser.call(this, id)).username;
		await fuseRequest.call(this, 'PUT', `/manage/users/${id}`, { body: { ...changes, username } });
		return await getUser.call(this, id);
	},
	deactivate: async function (i) {
		const id = userId(this, i);
		await fuseRequest.call(this, 'DELETE', `/manage/users/${id}`);
		return { id: Number(id), deactivated: true };
	},
	restore: async function (i) {
		const id = userId(this, i);
		await fuseRequest.call(this, 'PUT', `/manage/users/${id}/restore`);
		return await getUser.call(this, id);
	},
};
