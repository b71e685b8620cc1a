import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { crmPlatformRequest } from '../transport';
import { addressEntries, addressesForUpdate } from './addresses';
import { checkRequired, crmPlatformRecord } from './collection';
import type { Collection } from './collection';

/** Fields the plugin writes to the contact's individual or organization row as well, but only when the body names the contact's type. */
const NAME_FIELDS = ['name', 'first_name', 'last_name'];

/** The values of a contact's field collection as the API wants them (addresses as a bare list, only when given). */
export function contactValues(values: IDataObject): IDataObject {
	const { addresses, ...body } = values;
	const entries = addressEntries(addresses);
	if (entries.length) body.addresses = entries;
	return body;
}

/** The server cannot store an individual without a first name (it answers with a database error). */
function checkIndividual(context: IExecuteFunctions, body: IDataObject, itemIndex: number): void {
	if (body.contact_type !== 'individual' || String(body.first_name ?? '').trim() !== '') return;
	throw new NodeOperationError(context.getNode(), 'A CRM Platform individual needs a First Name', {
		itemIndex,
		description: 'Add First Name under Additional Fields (the node does not make one up from Name), or create the contact as an organization.',
	});
}

export async function createContact(this: IExecuteFunctions, contact: Collection, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	checkRequired(this, contact, body, itemIndex);
	checkIndividual(this, body, itemIndex);
	const addressId = (body.addresses as IDataObject[] | undefined)?.find((entry) => entry.id !== undefined)?.id;
	if (addressId !== undefined) {
		throw new NodeOperationError(this.getNode(), `The contact is new, so it has no address ${String(addressId)} to change`, { itemIndex, description: 'Leave Address ID at 0 to add the address.' });
	}
	return await crmPlatformRequest.call(this, 'POST', contact.path, crmPlatformRecord, { body });
}

/**
 * Updates contact `id` with `changes`. Name changes carry the contact's type (else the plugin answers
 * 200 and changes nothing), and addresses are matched to the contact's own: both need the stored
 * contact, which is read first unless the caller has it already.
 */
export async function updateContact(this: IExecuteFunctions, contact: Collection, id: number, changes: IDataObject, itemIndex: number, stored?: IDataObject): Promise<IDataObject> {
	const body = { ...changes };
	const namesChange = NAME_FIELDS.some((key) => key in body);
	if (namesChange || body.contact_type !== undefined || body.addresses) {
		const current = stored ?? (await crmPlatformRequest.call(this, 'GET', `${contact.path}/${id}`, crmPlatformRecord));
		if (body.contact_type !== undefined && body.contact_type !== current.contact_type) {
			throw new NodeOperationError(this.getNode(), `Contact ${id} is ${String(current.contact_type)}: CRM Platform cannot change a contact's type`, {
				itemIndex,
				description: `Leave Contact Type out, or set it to "${String(current.contact_type)}".`,
			});
		}
		if (namesChange) body.contact_type = current.contact_type;
		if (body.addresses) body.addresses = addressesForUpdate(this, current, body.addresses as IDataObject[], itemIndex);
	}
	return await crmPlatformRequest.call(this, 'PUT', `${contact.path}/${id}`, crmPlatformRecord, { body });
}
