'use strict';
// Deterministic seed data: realistic names and e-mails (RFC 2606 example domains), fixed
// timestamps spread over 2024–2025, and no overlapping bookings. Calls append: seeding again
// continues where the tables end.

const { byTable, blankRecord } = require('./entities');
const { formatDate } = require('./fields');
const { mulberry32 } = require('./store');
const { DAYS } = require('./spaces');

const FIRST = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Esther', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Luis', 'Maja', 'Noor', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomoko', 'Ugo', 'Valeria', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Amara', 'Bastien', 'Clara', 'Dev'];
const LAST = ['Lovelace', 'Moreau', 'Rossi', 'Ivanov', 'Cohen', 'Haddad', 'Berg', 'Tanaka', 'Alves', 'Weber', 'Okafor', 'Garcia', 'Novak', 'Rahman', 'Lund', 'Sharma', 'Dubois', 'Costa', 'Nilsson', 'Sato', 'Kowalski', 'Brennan', 'Mensah', 'Fischer', 'Horvat'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com'];
const COMPANIES = ['Acme Robotics', 'Blue Fjord Studio', 'Copperleaf Analytics', 'Driftwood Labs', 'Evergreen Legal', 'Foxglove Design', 'Granite Ventures', 'Harbour Health', 'Ironbark Software', 'Juniper Media'];
const CITIES = [
	{ name: 'London', country: 1, zone: 2, currency: 1, postCode: 'EC2A 4NE', street: 'Shoreditch High Street' },
	{ name: 'Manchester', country: 1, zone: 2, currency: 1, postCode: 'M1 1AE', street: 'Piccadilly' },
	{ name: 'Madrid', country: 3, zone: 3, currency: 2, postCode: '28013', street: 'Calle Gran Vía' },
	{ name: 'New York', country: 2, zone: 4, currency: 3, postCode: '10013', street: 'Canal Street' },
	{ name: 'Berlin', country: 4, zone: 5, currency: 2, postCode: '10115', street: 'Invalidenstraße' },
	{ name: 'Sydney', country: 6, zone: 6, currency: 4, postCode: '2000', street: 'George Street' },
];
const COUNTRIES = [['United Kingdom', 'GB', 'GBR'], ['United States', 'US', 'USA'], ['Spain', 'ES', 'ESP'], ['Germany', 'DE', 'DEU'], ['France', 'FR', 'FRA'], ['Australia', 'AU', 'AUS'], ['Ireland', 'IE', 'IRL'], ['Netherlands', 'NL', 'NLD']];
const CURRENCIES = [['GBP', 'Pound Sterling', '£'], ['EUR', 'Euro', '€'], ['USD', 'US Dollar', '$'], ['AUD', 'Australian Dollar', 'A$']];
const RESOURCE_TYPES = ['Meeting room', 'Hot desk', 'Private office'];
const ROOMS = ['Turing Room', 'Hopper Room', 'Curie Room', 'Hot Desk Zone A', 'Hot Desk Zone B', 'Private Office 1', 'Private Office 2', 'Boardroom', 'Phone Booth 1', 'Phone Booth 2'];
const PLANS = [['Hot Desk Monthly', 199], ['Dedicated Desk', 329], ['Private Office (4 desks)', 1450], ['Virtual Office', 59], ['Part-time 10 days', 129]];
const PRODUCTS = [['Coffee Card (10 cups)', 25], ['Locker rental', 30], ['Printing credits (100 pages)', 10], ['Parking permit', 85], ['Mail handling', 15], ['Guest day pass', 35]];

const SEED_BASE = Date.UTC(2024, 0, 8, 9, 0, 0);
const BOOKING_BASE = Date.UTC(2025, 2, 3, 0, 0, 0);
const MINUTE = 60_000;
const DEFAULT_COUNTS = { businesses: 2, coworkers: 30, teams: 4, resources: 6, tariffs: 3, products: 4, bookings: 25, checkins: 20, invoices: 15, webhooks: 0 };

function createSeeder(store, seed = 1) {
	const random = mulberry32(seed);
	const int = (n) => Math.floor(random() * n);
	const pickOne = (list) => list[int(list.length)];
	const chance = (p) => random() < p;
	const at = (ms) => formatDate(new Date(ms));

	// Inserts a record with deterministic timestamps: table index i → base + i * step.
	function add(table, values, stepMinutes = 181) {
		const entity = byTable.get(table);
		const i = store.state[table].length;
		const created = SEED_BASE + i * stepMinutes * MINUTE;
		const updated = created + int(30 * 24 * 60) * MINUTE;
		const record = { ...blankRecord(entity), ...values, CreatedOn: at(created), UpdatedOn: at(updated), UpdatedBy: 'admin@nexudus.test' };
		return store.insert(table, record);
	}
	const cityOf = (business) => CITIES.find((c) => business.Name.endsWith(c.name)) || CITIES[0];
	const businessOf = (i) => store.state.businesses[i % store.state.businesses.length];

	function lookups() {
		if (!store.state.countries.length) COUNTRIES.forEach(([Name, TwoLetterCode, ThreeLetterCode], i) => add('countries', { Id: i + 1, Name, TwoLetterCode, ThreeLetterCode }));
		if (!store.state.currencies.length) CURRENCIES.forEach(([Code, Name, Symbol], i) => add('currencies', { Id: i + 1, Code, Name, Symbol }));
	}

	const seeders = {
		businesses() {
			const city = CITIES[store.state.businesses.length % CITIES.length];
			const round = Math.floor(store.state.businesses.length / CITIES.length);
			const name = `Nexudus Test Hub ${round ? `${round + 1} ` : ''}${city.name}`;
			const business = add('businesses', { Name: name, WebAddress: `https://${city.name.toLowerCase().replace(/\s+/g, '')}.hub.example.com`, Email: `${city.name.toLowerCase().replace(/\s+/g, '.')}@hub.example.com`, Phone: '+44 20 7946 0000', Address: `1 ${city.street}`, CityName: city.name, PostCode: city.postCode, CountryId: city.country, CurrencyId: city.currency, SimpleTimeZoneId: city.zone, Active: true }, 1440);
			RESOURCE_TYPES.forEach((type) => add('resourcetypes', { BusinessId: business.Id, Name: type }));
		},
		resources() {
			const business = businessOf(store.state.resources.length);
			const types = store.state.resourcetypes.filter((t) => t.BusinessId === business.Id);
			const name = ROOMS[store.state.resources.length % ROOMS.length];
			add('resources', { BusinessId: business.Id, Name: name, ResourceTypeId: (types.find((t) => name.toLowerCase().includes(t.Name.split(' ')[1])) || types[0] || {}).Id ?? null, Description: `${name} at ${business.Name}`, Allocation: name.startsWith('Boardroom') ? 12 : name.includes('Room') ? 6 : 1, Visible: true });
		},
		tariffs() {
			const [name, price] = PLANS[store.state.tariffs.length % PLANS.length];
			const business = businessOf(Math.floor(store.state.tariffs.length / PLANS.length));
			add('tariffs', { BusinessId: business.Id, Name: name, Price: price, CurrencyId: business.CurrencyId, CancellationPeriod: 30, DisplayOrder: store.state.tariffs.length + 1, InvoiceEvery: 1, InvoiceEveryWeeks: 0, Visible: true });
		},
		products() {
			const [name, price] = PRODUCTS[store.state.products.length % PRODUCTS.length];
			const business = businessOf(Math.floor(store.state.products.length / PRODUCTS.length));
			add('products', { BusinessId: business.Id, Name: name, Price: price, CurrencyId: business.CurrencyId, Visible: true, Stock: 100 });
		},
		coworkers() {
			const index = store.state.coworkers.length;
			const business = businessOf(index);
			const city = cityOf(business);
			const first = pickOne(FIRST);
			const last = pickOne(LAST);
			const domain = pickOne(DOMAINS);
			const taken = (email) => store.state.coworkers.some((c) => c.Email === email);
			let email = `${first}.${last}@${domain}`.toLowerCase();
			for (let n = 2; taken(email); n++) email = `${first}.${last}${n}@${domain}`.toLowerCase();
			const company = chance(0.1);
			const plans = store.state.tariffs.filter((t) => t.BusinessId === business.Id);
			const attendance = Object.fromEntries(DAYS.map((d, i) => [`${d}Attendance`, i < 5 ? pickOne([1, 1, 2, 5]) : 5]));
			add('coworkers', {
				CoworkerType: company ? 2 : 1, FullName: `${first} ${last}`, Email: email, CountryId: city.country, SimpleTimeZoneId: city.zone, Gender: pickOne([1, 1, 2, 3, 4, 5]), TaxRateType: 1, ...attendance,
				Businesses: [business.Id], CompanyName: company ? pickOne(COMPANIES) : null, MobilePhone: `+44 7700 900${String(index % 1000).padStart(3, '0')}`, Address: `${10 + int(180)} ${city.street}`, PostCode: city.postCode, CityName: city.name,
				BillingEmail: chance(0.3) ? `billing.${email}` : null, TariffId: plans.length && chance(0.75) ? pickOne(plans).Id : null, BillingDay: 1, RenewalDate: at(Date.UTC(2025, int(12), 1)), Active: chance(0.92),
				Notes: chance(0.2) ? 'Prefers a desk near the window.' : null, Tag: chance(0.3) ? pickOne(['founder', 'freelancer', 'remote-team', 'student']) : null, ProfileIsPublic: chance(0.5),
			}, 137);
		},
		teams() {
			const business = businessOf(store.state.teams.length);
			const members = store.state.coworkers.filter((c) => c.Businesses.includes(business.Id));
			const payer = members.length ? pickOne(members) : undefined;
			const team = add('teams', { BusinessId: business.Id, Name: COMPANIES[store.state.teams.length % COMPANIES.length], Description: 'Team seeded by the emulator.', PayingMemberId: payer ? payer.Id : null, CreateSingleInvoiceForTeam: chance(0.5) });
			for (const member of members.filter(() => chance(0.15)).concat(payer || [])) if (!member.Teams.includes(team.Id)) member.Teams.push(team.Id);
		},
		bookings() {
			const i = store.state.bookings.length;
			const resources = store.state.resources;
			if (!resources.length || !store.state.coworkers.length) return;
			const slot = Math.floor(i / resources.length);
			const from = BOOKING_BASE + Math.floor(slot / 4) * 24 * 60 * MINUTE + (9 + (slot % 4) * 2) * 60 * MINUTE; // 4 slots a day, never overlapping
			add('bookings', { ResourceId: resources[i % resources.length].Id, FromTime: at(from), ToTime: at(from + 60 * MINUTE), CoworkerId: pickOne(store.state.coworkers).Id, Notes: chance(0.2) ? 'Needs a projector.' : null, Tentative: chance(0.1), BookingNumber: String(10000 + i) });
		},
		checkins() {
			const i = store.state.checkins.length;
			const members = store.state.coworkers.filter((c) => c.Active && c.TariffId);
			if (!members.length) return;
			const member = pickOne(members);
			const from = BOOKING_BASE + i * 97 * MINUTE;
			add('checkins', { CoworkerId: member.Id, BusinessId: member.Businesses[0], FromTime: at(from), ToTime: chance(0.85) ? at(from + (2 + int(6)) * 60 * MINUTE) : null, Source: pickOne([1, 2, 2, 4, 5]) });
		},
		invoices() {
			const i = store.state.coworkerinvoices.length;
			if (!store.state.coworkers.length) return;
			const member = pickOne(store.state.coworkers);
			const business = store.find('businesses', member.Businesses[0]) || store.state.businesses[0];
			const paid = chance(0.7);
			const issued = Date.UTC(2024, 0, 31) + i * 3 * 24 * 60 * MINUTE;
			add('coworkerinvoices', {
				CoworkerId: member.Id, BusinessId: business.Id, InvoiceNumber: `INV-${business.CityName.slice(0, 3).toUpperCase()}-${10000 + i}`, BillToName: member.FullName, BillToAddress: member.Address, BillToCity: member.CityName,
				BillToPostCode: member.PostCode, BillToCountryId: member.CountryId, CurrencyId: business.CurrencyId, DueDate: at(issued + 14 * 24 * 60 * MINUTE), Paid: paid, PaidOn: paid ? at(issued + int(14) * 24 * 60 * MINUTE) : null, TotalAmount: 50 + int(1500),
			});
		},
		webhooks() {
			const i = store.state.webhooks.length;
			const business = businessOf(i);
			// Seeded webhooks are inactive so they never fire at nothing (list/paging tests only).
			add('webhooks', { BusinessId: business.Id, Name: `Seeded webhook ${i + 1}`, Action: [3, 2, 6, 36][i % 4], URL: `http://127.0.0.1:9/hooks/${i + 1}`, Description: 'Seeded by the emulator; inactive.', Active: false });
		},
	};

	// counts: { businesses, coworkers, teams, resources, tariffs, products, bookings, checkins, invoices, webhooks }
	function seedData(counts = {}) {
		lookups();
		for (const key of Object.keys(seeders)) {
			const n = Math.max(0, Number(counts[key]) || 0);
			for (let i = 0; i < n; i++) seeders[key]();
		}
		return Object.fromEntries(Object.keys(seeders).map((key) => [key, store.state[key === 'invoices' ? 'coworkerinvoices' : key].length]));
	}

	return { seedData };
}

module.exports = { createSeeder, DEFAULT_COUNTS };
