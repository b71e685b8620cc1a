import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idParameter } from '../../shared/actions/parameters';
import { faveoAnswer, faveoRequest } from '../transport';

/** The Ticket ID parameter of this item: a positive whole number. */
export const ticketIdOf = (context: IExecuteFunctions, itemIndex: number): number => idParameter(context, 'ticketId', 'Faveo ticket', itemIndex);

/** One ticket; an id Faveo does not have is reported by Faveo itself (and worded by the policy) as not found. */
export async function readTicket(this: IExecuteFunctions, id: number): Promise<IDataObject> {
	return (await faveoRequest.call(this, 'GET', '/v1/helpdesk/ticket', faveoAnswer('result', 'object'), { qs: { ticket_id: id } })).result as IDataObject;
}

/** The id of the account in the credential. */
export async function currentUserId(this: IExecuteFunctions): Promise<number> {
	const { user } = await faveoRequest.call(this, 'GET', '/v1/authenticate/user', faveoAnswer('user', 'object'));
	return Number((user as IDataObject).id);
}
