'use strict';
// sys module: businesses (list/get/update only), webhooks, admin users and countries;
// plus the eWebhookAction names and the time-zone lookup used for *Local fields.

const { F } = require('./fields');

// eWebhookAction, index = value.
const WEBHOOK_ACTIONS = [
	null, 'None', 'CoworkerUpdate', 'CoworkerCreate', 'BlogPostCreate', 'BlogPostUpdate', 'BookingCreate', 'BookingUpdate', 'BookingDelete', 'SendWelcomeEmail',
	'CoworkerContractActivate', 'CoworkerContractCancel', 'CoworkerContractRenew', 'CoworkerContractUpgradeDowngrade', 'CoworkerContractActivateFirst', 'CoworkerInvoiceCreateFirst',
	'CoworkerInvoiceCreate', 'CoworkerInvoiceDelete', 'CoworkerInvoiceUpdate', 'CoworkerInvoiceRefund', 'CoworkerInvoiceCreditNote', 'CoworkerInvoicePaid',
	'CoworkerInvoiceFailedPayment', 'CoworkerInvoiceReceivedPayment', 'CoworkerInvoiceAwaitingPayment', 'CalendarEventCreate', 'CalendarEventUpdate', 'CalendarEventAttendeeDelete',
	'CalendarEventAttendeeCreate', 'CalendarEventAttendeeUpdate', 'GlobalChatMessageCreate', 'NewsLetterSubscriberCreate', 'NewsLetterSubscriberSubscribed',
	'NewsLetterSubscriberUnSubscribed', 'NewsLetterSubscriberRemovedFromGroup', 'CoworkerCheckout', 'CoworkerCheckin', 'CoworkerCheckinFailed', 'VisitorNotification',
	'CommunityBoardNewThread', 'CommunityBoardNewReply', 'VisitorCheckedin', 'VisitorRegistered', 'BlogPostDelete', 'CalendarEventDelete', 'HelDeskMessageCreated',
	'HelpDeskCommentCreated', 'CheckinCreated', 'CheckinUpdated', 'CheckinDeleted', 'CoworkerDelete', 'CoworkerMessageCreate', 'DeliveryCreated', 'DeliveryAssigned',
	'ProposalCreated', 'ProposalUpdated', 'ProposalDeleted', 'TeamCreated', 'TeamUpdated', 'TeamDeleted', 'CoworkerContractUpdate', 'AccessControlUpdate',
	'CoworkerContractCreate', 'FailedCheckin', 'VisitorDeleted', 'CoworkerInvoiceLedgerEntryCreate', 'CoworkerInvoiceLedgerEntryDelete', 'CoworkerInvoiceLedgerEntryUpdate',
	'CoworkerProductCreate', 'CoworkerProductUpdate', 'CoworkerProductDelete', 'FloorPlanDeskCreate', 'FloorPlanDeskDelete', 'FloorPlanDeskUpdate', 'TariffCreate',
	'TariffDelete', 'TariffUpdate', 'CoworkerContractDelete', 'FloorPlanCreate', 'FloorPlanDelete', 'FloorPlanUpdate', 'ProductCreate', 'ProductDelete', 'ProductUpdate',
	'BusinessUpdate', 'CommunityGroupCreate', 'CommunityGroupDelete', 'CommunityGroupUpdate', 'CoworkerPaymentMethodCreate', 'CoworkerPaymentMethodDelete',
	'CoworkerPaymentMethodUpdate',
];

// SimpleTimeZoneId values: the real lookup is [uncertain]; these ids are the emulator's own.
const TIME_ZONES = { 1: 'UTC', 2: 'Europe/London', 3: 'Europe/Madrid', 4: 'America/New_York', 5: 'Europe/Berlin', 6: 'Australia/Sydney' };

// UTC text → the location's wall-clock time without offset (read-only *Local fields).
// One formatter per zone: building one per record made 1,000-row booking lists slow.
const formatters = new Map();
const formatterFor = (zone) => {
	if (!formatters.has(zone)) formatters.set(zone, new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }));
	return formatters.get(zone);
};

function localTime(utcText, simpleTimeZoneId) {
	if (!utcText) return null;
	const zone = TIME_ZONES[simpleTimeZoneId] || 'UTC';
	const parts = Object.fromEntries(
		formatterFor(zone)
			.formatToParts(new Date(utcText))
			.map((p) => [p.type, p.value]),
	);
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

const businesses = {
	table: 'businesses',
	path: 'sys/businesses',
	entity: 'Business',
	label: 'Business',
	idBase: 1000000000,
	methods: ['list', 'get', 'update'], // no create/delete
	fields: {
		Name: F.string({ required: true }),
		WebAddress: F.string(),
		Email: F.email(),
		Phone: F.string(),
		Address: F.string(),
		CityName: F.string(),
		PostCode: F.string(),
		CountryId: F.ref('countries'),
		CurrencyId: F.ref('currencies'),
		SimpleTimeZoneId: F.int(),
		Active: F.bool(),
	},
	relations: { Country: { field: 'CountryId', table: 'countries' }, Currency: { field: 'CurrencyId', table: 'currencies' } },
	toStringText: (r) => r.Name,
	events: { update: [84] },
	businessesOf: (record) => [record.Id],
};

const webhooks = {
	table: 'webhooks',
	path: 'sys/webhooks',
	entity: 'WebHook', // roles WebHook-List/Read/Create/Edit/Delete
	label: 'Webhook',
	idBase: 1900000000,
	fields: {
		BusinessId: F.ref('businesses', { required: true }), // one location per webhook
		Name: F.string({ required: true }),
		Action: F.between(1, WEBHOOK_ACTIONS.length - 1, { required: true }), // one action per webhook
		URL: F.url({ required: true }),
		Description: F.text(), // left out of list rows
		Active: F.bool(),
	},
	stored: { LastTrigger: null, LastError: null, ErrorCount: 0 }, // read-only
	relations: { Business: { field: 'BusinessId', table: 'businesses' } },
	toStringText: (r) => r.Name,
	businessesOf: (record) => [record.BusinessId],
};

const users = {
	table: 'users',
	path: 'sys/users',
	entity: 'User',
	label: 'User',
	idBase: 1950000000,
	methods: ['list', 'get'], // managed through the control routes
	fields: {
		FullName: F.string({ required: true }),
		Email: F.email({ required: true }),
		APIAccess: F.bool(),
		IsAdmin: F.bool(),
		TwoFactorEnabled: F.bool(),
		DefaultBusinessId: F.ref('businesses'),
		Businesses: F.ids('businesses'),
		UserRoles: F.strings(),
	},
	relations: { DefaultBusiness: { field: 'DefaultBusinessId', table: 'businesses' } },
	toStringText: (r) => r.FullName,
};

const countries = {
	table: 'countries',
	path: 'sys/countries',
	entity: 'Country',
	label: 'Country',
	idBase: 0,
	methods: ['list', 'get'],
	fields: { Name: F.string({ required: true }), TwoLetterCode: F.string(), ThreeLetterCode: F.string() },
	toStringText: (r) => r.Name,
};

module.exports = { entities: [businesses, webhooks, users, countries], WEBHOOK_ACTIONS, TIME_ZONES, localTime };
