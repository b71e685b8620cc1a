'use strict';
// bookings and check-ins (spaces module).

const { F } = require('./fields');
const { command } = require('./commands');
const { localTime } = require('./sys');

const REPEAT_DAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const createOnly = { transient: true, createOnly: true };

const zoneOfResource = (store, resourceId) => {
	const resource = store.find('resources', resourceId);
	const business = resource && store.find('businesses', resource.BusinessId);
	return business ? business.SimpleTimeZoneId : undefined;
};

const laterThan = (record, from, to) =>
	record[from] && record[to] && Date.parse(record[to]) <= Date.parse(record[from]) ? [{ PropertyName: to, Message: `must be later than ${from}`, AttemptedValue: record[to] }] : [];

const bookings = {
	table: 'bookings',
	path: 'spaces/bookings',
	entity: 'Booking',
	label: 'Booking',
	idBase: 1400000000,
	fields: {
		ResourceId: F.ref('resources', { required: true }),
		FromTime: F.date({ required: true }),
		ToTime: F.date({ required: true }),
		CoworkerId: F.ref('coworkers'),
		FloorPlanDeskId: F.int(),
		ExtraServiceId: F.int(),
		Notes: F.text(),
		InternalNotes: F.text(),
		Tentative: F.bool(),
		InvoiceThisCoworker: F.bool(),
		DoNotUseBookingCredit: F.bool(),
		PurchaseOrder: F.string(),
		DiscountCode: F.string(),
		OverridePrice: F.decimal(),
		// action flags — recorded as side effects, never performed, never stored.
		ChargeNow: F.bool({ transient: true }),
		InvoiceNow: F.bool({ transient: true }),
		RepeatBooking: F.bool(createOnly),
		Repeats: F.between(1, 9, createOnly),
		RepeatEvery: F.int(createOnly),
		RepeatUntil: F.date(createOnly),
		...Object.fromEntries(REPEAT_DAYS.map((d) => [`RepeatOn${d}`, F.bool(createOnly)])),
		WhichBookingsToUpdate: F.between(1, 7, { transient: true, updateOnly: true }),
	},
	stored: { BookingNumber: null, Invoiced: false, Online: false },
	relations: { Coworker: { field: 'CoworkerId', table: 'coworkers' }, Resource: { field: 'ResourceId', table: 'resources' } },
	derive(record, { store }) {
		const zone = zoneOfResource(store, record.ResourceId);
		return { FromTimeLocal: localTime(record.FromTime, zone), ToTimeLocal: localTime(record.ToTime, zone) };
	},
	toStringText(record, { store }) {
		const resource = store.find('resources', record.ResourceId);
		return `${resource ? resource.Name : 'Booking'}: ${record.FromTime} - ${record.ToTime}`;
	},
	validate: (record) => laterThan(record, 'FromTime', 'ToTime'),
	// Clash with another booking of the same resource: a business rule, so harsher reading:
	// 200 + WasSuccessful:false (config.allowOverlappingBookings lifts it).
	rule(record, { store, config }) {
		if (config.allowOverlappingBookings) return undefined;
		const from = Date.parse(record.FromTime);
		const to = Date.parse(record.ToTime);
		const clash = store.state.bookings.find((b) => b.Id !== record.Id && b.ResourceId === record.ResourceId && Date.parse(b.FromTime) < to && from < Date.parse(b.ToTime));
		return clash ? 'The resource is not available at the requested time.' : undefined;
	},
	afterWrite(record, input, { op, recordSideEffect }) {
		if (op === 'create' && !record.BookingNumber) record.BookingNumber = String(record.Id - bookings.idBase + 10000);
		const on = (name) => input[name] === true || String(input[name]).toLowerCase() === 'true';
		if (on('ChargeNow')) recordSideEffect('chargeNow', { bookingId: record.Id, op });
		if (on('InvoiceNow')) recordSideEffect('invoiceNow', { bookingId: record.Id, op });
		if (op === 'create' && on('RepeatBooking')) recordSideEffect('repeatBooking', { bookingId: record.Id, repeats: input.Repeats ?? null, repeatUntil: input.RepeatUntil ?? null });
	},
	events: { create: [6], update: [7], delete: [8] },
	businessesOf(record, { store }) {
		const resource = store.find('resources', record.ResourceId);
		return resource ? [resource.BusinessId] : [];
	},
	commands: [command('BOOKING_CONFIRM', 'Confirm booking', { patch: { Tentative: false } })],
};

const checkins = {
	table: 'checkins',
	path: 'spaces/checkins',
	entity: 'Checkin',
	label: 'Checkin',
	idBase: 1500000000,
	fields: {
		CoworkerId: F.ref('coworkers', { required: true }),
		BusinessId: F.ref('businesses', { required: true }),
		FromTime: F.date({ required: true }),
		ToTime: F.date(),
		Source: F.between(0, 5, { default: 0 }), // 0 None, 1 Manual, 2 DoorAccess, 3 NetworkActivity, 4 Tile, 5 Sensor
	},
	relations: { Coworker: { field: 'CoworkerId', table: 'coworkers' }, Business: { field: 'BusinessId', table: 'businesses' } },
	derive(record, { store }) {
		const business = store.find('businesses', record.BusinessId);
		const zone = business ? business.SimpleTimeZoneId : undefined;
		return { FromTimeLocal: localTime(record.FromTime, zone), ToTimeLocal: localTime(record.ToTime, zone) };
	},
	toStringText(record, { store }) {
		const coworker = store.find('coworkers', record.CoworkerId);
		return `${coworker ? coworker.FullName : 'Checkin'} (${record.FromTime})`;
	},
	validate: (record) => laterThan(record, 'FromTime', 'ToTime'),
	// a member without an active plan (active coworker with a TariffId) is refused with 200.
	rule(record, { store, op }) {
		if (op !== 'create') return undefined;
		const coworker = store.find('coworkers', record.CoworkerId);
		return coworker && coworker.Active && coworker.TariffId ? undefined : 'This customer does not have an active plan allowing check-ins.';
	},
	failureEvents: [37], // CoworkerCheckinFailed
	events(op, before, after) {
		if (op === 'create') return after.ToTime ? [47, 36, 35] : [47, 36]; // CheckinCreated, CoworkerCheckin (+ CoworkerCheckout)
		if (op === 'update') return !before.ToTime && after.ToTime ? [48, 35] : [48];
		return [49];
	},
	businessesOf: (record) => [record.BusinessId],
};

module.exports = { entities: [bookings, checkins] };
