import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { faveoAnswer, faveoRequest } from '../transport';

/** `helpdesk/dependency` lists every lookup in one call, and is the only source of statuses and sources. */
async function dependency(context: ILoadOptionsFunctions, key: string, nameKey: string, valueKey: string): Promise<INodePropertyOptions[]> {
	const { result } = await faveoRequest.call(context, 'GET', '/v1/helpdesk/dependency', faveoAnswer('result', 'object'));
	const rows = (result as IDataObject)[key];
	return (Array.isArray(rows) ? (rows as IDataObject[]) : []).map((row) => ({ name: String(row[nameKey]), value: row[valueKey] as number | string }));
}

export async function getHelpTopics(this: ILoadOptionsFunctions) {
	return await dependency(this, 'helptopics', 'topic', 'id');
}
export async function getSlaPlans(this: ILoadOptionsFunctions) {
	return await dependency(this, 'sla', 'name', 'id');
}
export async function getPriorities(this: ILoadOptionsFunctions) {
	return await dependency(this, 'priorities', 'priority', 'priority_id');
}
export async function getDepartments(this: ILoadOptionsFunctions) {
	return await dependency(this, 'departments', 'name', 'name');
}
export async function getStatuses(this: ILoadOptionsFunctions) {
	return await dependency(this, 'status', 'name', 'id');
}
export async function getSources(this: ILoadOptionsFunctions) {
	return await dependency(this, 'sources', 'name', 'id');
}
export async function getAgentEmails(this: ILoadOptionsFunctions) {
	return await dependency(this, 'staffs', 'email', 'email');
}
