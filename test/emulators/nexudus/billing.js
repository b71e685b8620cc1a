'use strict';
// billing module: invoices, plans (tariffs), products and currencies.

const { F } = require('./fields');
const { command } = require('./commands');

const coworkerInvoices = {
	table: 'coworkerinvoices',
	path: 'billing/coworkerinvoices',
	entity: 'CoworkerInvoice', // filters CoworkerInvoice_Paid, from_CoworkerInvoice_PaidOn
	label: 'Invoice',
	idBase: 1600000000,
	// lists these as required on update; create is undocumented — harsher: the same list.
	fields: {
		CoworkerId: F.ref('coworkers', { required: true }),
		BusinessId: F.ref('businesses', { required: true }),
		InvoiceNumber: F.string({ required: true }),
		BillToName: F.string({ required: true }),
		BillToAddress: F.string({ required: true }),
		BillToCity: F.string({ required: true }),
		BillToPostCode: F.string({ required: true }),
		BillToCountryId: F.ref('countries', { required: true }),
		CurrencyId: F.ref('currencies', { required: true }),
		Description: F.text(),
		DueDate: F.date(),
		Paid: F.bool(),
		PaidOn: F.date(),
		TotalAmount: F.decimal({ default: 0 }),
		PurchaseOrder: F.string(),
	},
	relations: {
		Coworker: { field: 'CoworkerId', table: 'coworkers' },
		Business: { field: 'BusinessId', table: 'businesses' },
		Currency: { field: 'CurrencyId', table: 'currencies' },
		BillToCountry: { field: 'BillToCountryId', table: 'countries' },
	},
	toStringText: (r) => r.InvoiceNumber,
	events(op, before, after) {
		if (op === 'create') return after.Paid ? [16, 21] : [16];
		if (op === 'update') return !before.Paid && after.Paid ? [18, 21] : [18];
		return [17];
	},
	businessesOf: (record) => [record.BusinessId],
	commands: [command('INVOICE_MARK_AS_PAID', 'Mark as paid', { patch: { Paid: true }, stampField: 'PaidOn' })],
};

const tariffs = {
	table: 'tariffs',
	path: 'billing/tariffs',
	entity: 'Tariff',
	label: 'Tariff',
	idBase: 1700000000,
	fields: {
		BusinessId: F.ref('businesses', { required: true }),
		Name: F.string({ required: true }),
		Price: F.decimal({ required: true }),
		CurrencyId: F.ref('currencies', { required: true }),
		CancellationPeriod: F.int({ required: true }),
		DisplayOrder: F.int({ required: true }),
		InvoiceEvery: F.int({ required: true }),
		InvoiceEveryWeeks: F.int({ required: true }),
		Description: F.text(),
		Visible: F.bool(),
		Archived: F.bool(),
	},
	relations: { Business: { field: 'BusinessId', table: 'businesses' }, Currency: { field: 'CurrencyId', table: 'currencies' } },
	toStringText: (r) => r.Name,
	events: { create: [74], update: [76], delete: [75] },
	businessesOf: (record) => [record.BusinessId],
};

const products = {
	table: 'products',
	path: 'billing/products',
	entity: 'Product',
	label: 'Product',
	idBase: 1800000000,
	fields: {
		BusinessId: F.ref('businesses', { required: true }),
		Name: F.string({ required: true }),
		Price: F.decimal({ required: true }),
		CurrencyId: F.ref('currencies'),
		Description: F.text(),
		Tags: F.string(),
		Visible: F.bool(),
		Archived: F.bool(),
		Stock: F.int(),
	},
	relations: { Business: { field: 'BusinessId', table: 'businesses' }, Currency: { field: 'CurrencyId', table: 'currencies' } },
	toStringText: (r) => r.Name,
	events: { create: [81], update: [83], delete: [82] },
	businessesOf: (record) => [record.BusinessId],
};

const currencies = {
	table: 'currencies',
	path: 'billing/currencies',
	entity: 'Currency',
	label: 'Currency',
	idBase: 0,
	methods: ['list', 'get'],
	fields: { Code: F.string({ required: true }), Name: F.string({ required: true }), Symbol: F.string() },
	toStringText: (r) => r.Code,
};

module.exports = { entities: [coworkerInvoices, tariffs, products, currencies] };
