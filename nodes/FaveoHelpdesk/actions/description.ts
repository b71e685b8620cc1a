import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { operationSelector, scoped, textField } from '../../shared/descriptions/fields';

const text = textField;
const lookup = (displayName: string, name: string, method: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: method },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	...extra,
});
/** The first option listed is the default operation. */
const selector = (resource: string, options: Array<[string, string, string]>): INodeProperties =>
	operationSelector(resource, options.map(([name, value, action]) => ({ name, value, action })));
const ticketIdField = text('Ticket ID', 'ticketId', { required: true });

export const ticketDescription: INodeProperties[] = [
	selector('ticket', [
		['Get Many', 'getAll', 'Get many tickets'],
		['Add Internal Note', 'addNote', 'Add an internal note to a ticket'],
		['Assign', 'assign', 'Assign a ticket to an agent'],
		['Create', 'create', 'Create a ticket'],
		['Delete Permanently', 'deletePermanently', 'Delete a ticket for good'],
		['Edit', 'edit', 'Edit a ticket'],
		['Get', 'get', 'Get a ticket'],
		['Get Threads', 'getThreads', 'Get the conversation of a ticket'],
		['Move to Trash', 'moveToTrash', 'Move a ticket to the trash'],
		['Reply', 'reply', 'Reply to a ticket'],
		['Search', 'search', 'Search tickets by text'],
	]),
	...scoped('ticket', ['get', 'reply', 'edit', 'assign', 'addNote', 'getThreads', 'moveToTrash', 'deletePermanently'], [ticketIdField]),
	...scoped('ticket', ['create'], [
		text('Requester Email', 'email', { required: true, placeholder: 'name@example.com', description: 'A new email creates a customer account (Faveo may email them)' }),
		text('Requester First Name', 'first_name', { required: true, description: '3 to 40 characters' }),
		text('Subject', 'subject', { required: true, description: 'At least 5 characters' }),
		text('Body', 'body', { required: true, typeOptions: { rows: 4 }, description: 'At least 10 characters' }),
		lookup('Help Topic Name or ID', 'helptopic', 'getHelpTopics', { required: true }),
		lookup('SLA Plan Name or ID', 'sla', 'getSlaPlans', { required: true }),
		lookup('Priority Name or ID', 'priority', 'getPriorities', { required: true }),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Assign To (Agent ID)', name: 'assignto', type: 'number', default: 0 },
				text('Due Date', 'duedate', { placeholder: 'YYYY-MM-DD' }),
				text('Last Name', 'last_name'),
				text('Mobile', 'mobile'),
				text('Mobile Country Code', 'code'),
				text('Phone', 'phone'),
			],
		},
	]),
	...scoped('ticket', ['reply'], [text('Reply', 'replyContent', { required: true, typeOptions: { rows: 4 } })]),
	...scoped('ticket', ['addNote'], [text('Note', 'note', { required: true, typeOptions: { rows: 4 } })]),
	...scoped('ticket', ['assign'], [lookup('Agent Email Name or ID', 'agentEmail', 'getAgentEmails', { required: true })]),
	...scoped('ticket', ['search'], [text('Search Text', 'search', { required: true, description: 'Matched against thread titles and bodies' })]),
	...scoped('ticket', ['edit'], [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Fields not given keep their current value',
			options: [
				lookup('Help Topic Name or ID', 'help_topic', 'getHelpTopics'),
				lookup('Priority Name or ID', 'ticket_priority', 'getPriorities'),
				lookup('SLA Plan Name or ID', 'sla_plan', 'getSlaPlans'),
				lookup('Source Name or ID', 'ticket_source', 'getSources'),
				lookup('Status Name or ID', 'status', 'getStatuses'),
				text('Subject', 'subject'),
			],
		},
	]),
	...scoped('ticket', ['getAll'], [
		{
			displayName: 'View',
			name: 'view',
			type: 'options',
			options: [
				{ name: 'All Tickets', value: 'all' },
				{ name: 'Closed', value: 'closed' },
				{ name: 'Inbox', value: 'inbox' },
				{ name: 'My Tickets', value: 'myTickets' },
				{ name: 'Open (Unanswered)', value: 'open' },
				{ name: 'Trash', value: 'trash' },
				{ name: 'Unassigned', value: 'unassigned' },
			],
			default: 'inbox',
		},
		{
			displayName: 'Options',
			name: 'listOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				text('Departments', 'departments', { description: 'Filtered list only: "All" or department names' }),
				{ displayName: 'Order', name: 'order', type: 'options', options: [{ name: 'Ascending', value: 'asc' }, { name: 'Descending', value: 'desc' }], default: 'desc' },
				{
					displayName: 'Sort By',
					name: 'sortBy',
					type: 'options',
					options: ['created_at', 'due', 'id', 'priority', 'ticket_number', 'ticket_title', 'updated_at'].map((value) => ({ name: value, value })),
					default: 'updated_at',
				},
				{
					displayName: 'Use Filtered List (Faveo 2.x)',
					name: 'useFilteredList',
					type: 'boolean',
					default: false,
					description: 'Whether to use the v2 list, which pages by up to 499 records and can sort; Faveo 1.9 does not have it',
				},
			],
		},
	]),
	...returnAllOrLimit({ resource: ['ticket'], operation: ['getAll'] }),
];

export const customerDescription: INodeProperties[] = [
	selector('customer', [
		['Search', 'search', 'Search customers'],
		['Create', 'create', 'Register a customer'],
		['Find or Create', 'upsert', 'Find a customer by email or register them'],
		['Get', 'get', 'Get a customer'],
	]),
	{
		displayName: 'Faveo cannot update users: an existing customer with this email is returned as it is, otherwise one is registered',
		name: 'upsertNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['customer'], operation: ['upsert'] } },
	},
	...scoped('customer', ['upsert'], [text('Email', 'email', { required: true, placeholder: 'name@example.com' })]),
	...scoped('customer', ['get'], [text('Customer ID', 'customerId', { required: true })]),
	...scoped('customer', ['search'], [text('Search Text', 'search', { required: true, description: 'Part of the name, user name or email' })]),
	...scoped('customer', ['create', 'upsert'], [
		text('Username', 'username', { required: true, description: 'Unique; Faveo generates the password (and may email the customer)' }),
		text('First Name', 'first_name', { required: true }),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [text('Email', 'email'), text('Last Name', 'last_name'), text('Mobile', 'mobile'), text('Mobile Country Code', 'code')],
		},
	]),
];

export const listOnlyDescription = (resource: string, label: string): INodeProperties[] => [selector(resource, [['Get Many', 'getAll', `Get many ${label}`]])];

export const collaboratorDescription: INodeProperties[] = [
	selector('collaborator', [
		['Search', 'search', 'Search users to add as collaborators'],
		['Add', 'add', 'Add a collaborator to a ticket'],
		['Get for Ticket', 'getForTicket', 'Get the collaborators of a ticket'],
		['Remove', 'remove', 'Remove a collaborator from a ticket'],
	]),
	...scoped('collaborator', ['add', 'remove', 'getForTicket'], [ticketIdField]),
	...scoped('collaborator', ['add', 'remove'], [text('Email', 'email', { required: true, placeholder: 'name@example.com' })]),
	{
		displayName: 'Faveo adds collaborators by creating a new user with this email and mailing them a password; an email that already has an account fails',
		name: 'collaboratorNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['collaborator'], operation: ['add'] } },
	},
	...scoped('collaborator', ['search'], [text('Search Text', 'search', { required: true })]),
];
