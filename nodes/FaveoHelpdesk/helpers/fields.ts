import type { INodeProperties } from 'n8n-workflow';

import { textField } from '../../shared/descriptions/fields';

/** A dropdown filled from Faveo's lookups (methods/loadOptions.ts), or an ID given by an expression. */
export const lookupField = (displayName: string, name: string, method: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: method },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	...extra,
});

export const ticketIdField = textField('Ticket ID', 'ticketId', { required: true });
