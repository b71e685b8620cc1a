'use strict';
// Fixed data of a fresh Faveo install (the lookups) and the default staff accounts.

const DEPARTMENTS = [
	{ id: 1, name: 'Support' },
	{ id: 2, name: 'Sales' },
	{ id: 3, name: 'Operation' },
];
const HELP_TOPICS = [
	{ id: 1, topic: 'Support query', department: 1, sla_plan: 1, priority: 2 },
	{ id: 2, topic: 'Sales query', department: 2, sla_plan: 2, priority: 2 },
	{ id: 3, topic: 'Operational query', department: 3, sla_plan: 3, priority: 1 },
];
const SLA_PLANS = [
	{ id: 1, name: 'Sla 1', grace_period: '6 Hours', hours: 6 },
	{ id: 2, name: 'Sla 2', grace_period: '12 Hours', hours: 12 },
	{ id: 3, name: 'Sla 3', grace_period: '24 Hours', hours: 24 },
];
const PRIORITIES = [
	{ priority_id: 1, priority: 'Low', priority_color: '#00a65a' },
	{ priority_id: 2, priority: 'Normal', priority_color: '#00bfef' },
	{ priority_id: 3, priority: 'High', priority_color: '#f39c11' },
	{ priority_id: 4, priority: 'Emergency', priority_color: '#dd4b38' },
];
// Not confirmed: 1 Open, 2 Resolved, 3 Closed, 4 Archived, 5 Deleted.
const STATUSES = [
	{ id: 1, name: 'Open' },
	{ id: 2, name: 'Resolved' },
	{ id: 3, name: 'Closed' },
	{ id: 4, name: 'Archived' },
	{ id: 5, name: 'Deleted' },
];
const SOURCES = [
	{ id: 1, name: 'web', value: 'Web' },
	{ id: 2, name: 'email', value: 'E-mail' },
	{ id: 3, name: 'agent', value: 'Agent Panel' },
	{ id: 4, name: 'facebook', value: 'Facebook' },
	{ id: 5, name: 'twitter', value: 'Twitter' },
	{ id: 6, name: 'call', value: 'Call' },
	{ id: 7, name: 'chat', value: 'Chat' },
];
const TEAMS = [
	{ id: 1, name: 'Level 1 Support', team_lead: 2 },
	{ id: 2, name: 'Level 2 Support', team_lead: 3 },
	{ id: 3, name: 'Developer', team_lead: null },
];

// Staff accounts (the wiki's demoadmin/demopass). `active: 0` cannot log in.
const DEFAULT_STAFF = [
	{ id: 1, user_name: 'demoadmin', first_name: 'Demo', last_name: 'Admin', email: 'admin@example.com', role: 'admin', password: 'demopass', primary_dpt: 1 },
	{ id: 2, user_name: 'amelia.hart', first_name: 'Amelia', last_name: 'Hart', email: 'amelia.hart@example.com', role: 'agent', password: 'agentpass1', primary_dpt: 1 },
	{ id: 3, user_name: 'rohan.mehta', first_name: 'Rohan', last_name: 'Mehta', email: 'rohan.mehta@example.com', role: 'agent', password: 'agentpass2', primary_dpt: 2 },
	{ id: 4, user_name: 'former.agent', first_name: 'Former', last_name: 'Agent', email: 'former.agent@example.com', role: 'agent', password: 'agentpass3', primary_dpt: 3, active: 0 },
];
const CUSTOMER_PASSWORD = 'customerpass';

const FIRST_NAMES = ['Olivia', 'Mateo', 'Sofia', 'Liam', 'Aisha', 'Noah', 'Yuki', 'Lucas', 'Fatima', 'Elias', 'Chloe', 'Omar', 'Hanna', 'Diego', 'Ingrid', 'Kwame', 'Leila', 'Marco', 'Nadia', 'Pavel'];
const LAST_NAMES = ['Bennett', 'Fischer', 'Romano', 'Kowalski', 'Nakamura', 'Okoye', 'Lindqvist', 'Moreno', 'Haddad', 'Novak', 'Dupont', 'Petrov', 'Jensen', 'Silva', 'Kaur', 'Walsh', 'Schmidt', 'Costa', 'Andersen', 'Yilmaz'];
const DOMAINS = ['example.com', 'example.org', 'example.net'];
const SUBJECTS = [
	'Cannot log in to the customer portal',
	'Invoice INV-2041 shows the wrong VAT rate',
	'Printer on the third floor keeps jamming',
	'Refund request for order #5521',
	'VPN disconnects every ten minutes',
	'Password reset email never arrives',
	'How do I export my account data?',
	'Broken link on the pricing page',
	'Laptop battery drains within an hour',
	'Please add a new user to the Sales mailbox',
	'Shipment for order #8812 is delayed',
	'Two-factor code is not accepted',
];
const BODIES = [
	'Hello, since this morning I get an error message every time I try this. Could you please have a look?',
	'Hi team, this started after the last update. Screenshots are attached to my previous message.',
	'Good afternoon, several colleagues report the same problem. It is blocking our daily work.',
	'Dear support, I already tried the steps from the knowledge base without success. Thanks in advance.',
];
const REPLIES = [
	'Thank you for reporting this. We are looking into it and will update you shortly.',
	'Could you please send us the exact error message and the time it happened?',
	'We have applied a fix on our side. Please check again and let us know.',
];

module.exports = { DEPARTMENTS, HELP_TOPICS, SLA_PLANS, PRIORITIES, STATUSES, SOURCES, TEAMS, DEFAULT_STAFF, CUSTOMER_PASSWORD, FIRST_NAMES, LAST_NAMES, DOMAINS, SUBJECTS, BODIES, REPLIES };
