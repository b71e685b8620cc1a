'use strict';
// spaces module: coworkers, teams, resources and resource types.

const { F } = require('./fields');
const { command } = require('./commands');

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
// the official CLI skill lists all of these as required; which ones the server enforces
// is [uncertain] — harsher: every one is enforced on create and on the full-record PUT.
const ATTENDANCE = Object.fromEntries(DAYS.map((day) => [`${day}Attendance`, F.between(1, 5, { required: true })]));
const CUSTOM = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`Custom${i + 1}`, F.string()]));

function countBy(rows, key) {
	const counts = new Map();
	for (const row of rows) counts.set(row[key], (counts.get(row[key]) || 0) + 1);
	return counts;
}

const splitName = (fullName) => {
	const parts = String(fullName || '').trim().split(/\s+/).filter(Boolean);
	return { first: parts[0] || null, last: parts.length > 1 ? parts.slice(1).join(' ') : null };
};

const coworkers = {
	table: 'coworkers',
	path: 'spaces/coworkers',
	entity: 'Coworker',
	label: 'Coworker',
	idBase: 1100000000,
	fields: {
		CoworkerType: F.oneOf([1, 2], { required: true }), // 1 Individual, 2 Company
		FullName: F.string({ required: true }),
		Email: F.email({ required: true }),
		CountryId: F.ref('countries', { required: true }),
		SimpleTimeZoneId: F.int({ required: true }),
		Gender: F.between(0, 5, { required: true }),
		TaxRateType: F.between(1, 3, { required: true }),
		...ATTENDANCE,
		Businesses: F.ids('businesses'),
		Teams: F.ids('teams'),
		CompanyName: F.string(),
		MobilePhone: F.string(),
		LandLine: F.string(),
		Address: F.string(),
		PostCode: F.string(),
		CityName: F.string(),
		State: F.string(),
		BillingEmail: F.email(),
		BillingName: F.string(),
		BillingAddress: F.string(),
		TariffId: F.ref('tariffs'),
		BillingDay: F.int(),
		RenewalDate: F.date(),
		Active: F.bool(), // omitted on PUT → false (the member is deactivated)
		Notes: F.text(),
		Tag: F.string(),
		...CUSTOM,
		ProfileIsPublic: F.bool(),
		AccessPincode: F.string(),
		CreateUser: F.bool({ transient: true }), // records a welcome email, never stored
	},
	stored: { UserId: null },
	relations: { Tariff: { field: 'TariffId', table: 'tariffs' }, Country: { field: 'CountryId', table: 'countries' }, Businesses: { field: 'Businesses', table: 'businesses' }, Teams: { field: 'Teams', table: 'teams' } },
	derive(record, { store, memo }) {
		const { first, last } = splitName(record.FullName);
		// Per-request indexes keep a 1,000-row list cheap.
		const due = memo('dueInvoices', () => new Set(store.state.coworkerinvoices.filter((inv) => !inv.Paid).map((inv) => inv.CoworkerId)));
		const checkinCounts = memo('checkinCounts', () => countBy(store.state.checkins, 'CoworkerId'));
		return {
			GuessedFirstName: first,
			GuessedLastName: last,
			HasDueInvoices: due.has(record.Id),
			RegistrationDate: record.CreatedOn,
			CheckinSinceLastRenewal: checkinCounts.get(record.Id) || 0,
		};
	},
	toStringText: (r) => r.FullName,
	validate(record, { store, config }) {
		// Unique member email: not in the reference [uncertain]; harsher: refused (config.uniqueCoworkerEmail).
		if (!config.uniqueCoworkerEmail || !record.Email) return [];
		const email = String(record.Email).trim().toLowerCase();
		const clash = store.state.coworkers.find((c) => c.Id !== record.Id && String(c.Email).toLowerCase() === email);
		return clash ? [{ PropertyName: 'Email', Message: 'is already used by another customer', AttemptedValue: record.Email }] : [];
	},
	prepare(record, input, { op, user }) {
		// Nexudus files a member under the admin's current location when none is given (emulator assumption).
		if (op === 'create' && !record.Businesses.length && user.DefaultBusinessId) record.Businesses = [user.DefaultBusinessId];
	},
	afterWrite(record, input, { recordSideEffect }) {
		if (input.CreateUser === true || input.CreateUser === 'true') {
			if (!record.UserId) record.UserId = 1000 + record.Id % 100000000;
			recordSideEffect('welcomeEmail', { coworkerId: record.Id, email: record.Email }); // CreateUser
		}
	},
	canDelete: (record, { config }) =>
		// the CLI skill says coworkers cannot be deleted by API, its table lists delete [uncertain,
		// contradictory]; harsher default: refused as a business-rule failure (200, WasSuccessful:false).
		config.allowCoworkerDelete ? undefined : 'Customers cannot be deleted using the API. Deactivate the customer instead.',
	events: { create: [3], update: [2], delete: [50] },
	businessesOf: (record) => record.Businesses,
	commands: [
		// Command keys are the emulator's own: the reference lists the shape only.
		command('COWORKER_ACTIVATE', 'Activate', { patch: { Active: true } }),
		command('COWORKER_DEACTIVATE', 'Deactivate', { patch: { Active: false }, order: 2 }),
		command('COWORKER_SEND_WELCOME_EMAIL', 'Send welcome email', { one: true, order: 3, sideEffect: 'welcomeEmail' }),
	],
};

const teams = {
	table: 'teams',
	path: 'spaces/teams',
	entity: 'Team',
	label: 'Team',
	idBase: 1200000000,
	fields: {
		BusinessId: F.ref('businesses', { required: true }),
		Name: F.string({ required: true }),
		Description: F.text(),
		PayingMemberId: F.ref('coworkers'),
		CreateSingleInvoiceForTeam: F.bool(),
		ShareTimePasses: F.bool(),
		ShareExtraServices: F.bool(),
	},
	relations: { Business: { field: 'BusinessId', table: 'businesses' }, PayingMember: { field: 'PayingMemberId', table: 'coworkers' } },
	derive: (record, { store, memo }) => ({ TeamMembersCount: memo('teamMembers', () => countBy(store.state.coworkers.flatMap((c) => c.Teams.map((id) => ({ id }))), 'id')).get(record.Id) || 0 }),
	toStringText: (r) => r.Name,
	events: { create: [57], update: [58], delete: [59] },
	businessesOf: (record) => [record.BusinessId],
};

const resources = {
	table: 'resources',
	path: 'spaces/resources',
	entity: 'Resource',
	label: 'Resource',
	idBase: 1300000000,
	fields: {
		BusinessId: F.ref('businesses', { required: true }),
		Name: F.string({ required: true }),
		ResourceTypeId: F.ref('resourcetypes'),
		Description: F.text(),
		Allocation: F.int({ default: 1 }),
		Visible: F.bool(),
		Archived: F.bool(),
		RequiresConfirmation: F.bool(),
	},
	relations: { Business: { field: 'BusinessId', table: 'businesses' }, ResourceType: { field: 'ResourceTypeId', table: 'resourcetypes' } },
	toStringText: (r) => r.Name,
	businessesOf: (record) => [record.BusinessId],
};

const resourceTypes = {
	table: 'resourcetypes',
	path: 'spaces/resourcetypes',
	entity: 'ResourceType',
	label: 'Resource type',
	idBase: 1310000000,
	fields: { BusinessId: F.ref('businesses', { required: true }), Name: F.string({ required: true }), Description: F.text() },
	relations: { Business: { field: 'BusinessId', table: 'businesses' } },
	toStringText: (r) => r.Name,
	businessesOf: (record) => [record.BusinessId],
};

module.exports = { entities: [coworkers, teams, resources, resourceTypes], DAYS };
