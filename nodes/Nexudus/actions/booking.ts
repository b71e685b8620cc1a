import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { entityOperations } from '../helpers/entity';
import type { Entity } from '../helpers/entity';
import { entityDescription, flagField, numberField } from '../helpers/entityDescription';

const booking: Entity = {
	resource: 'booking',
	label: 'Booking',
	path: '/spaces/bookings',
	prefix: 'Booking',
	required: [
		numberField('Resource ID', 'ResourceId', { required: true }),
		{ displayName: 'From', name: 'FromTime', type: 'dateTime', default: '', required: true, description: 'Start, in UTC' },
		{ displayName: 'To', name: 'ToTime', type: 'dateTime', default: '', required: true, description: 'End, in UTC' },
	],
	optional: [
		numberField('Coworker ID', 'CoworkerId'),
		flagField('Charge Now', 'ChargeNow', 'Whether Nexudus should charge the booking immediately (creates a charge)'),
		flagField('Invoice Now', 'InvoiceNow', 'Whether Nexudus should invoice the booking immediately (creates an invoice)'),
		textField('Internal Notes', 'InternalNotes'),
		textField('Notes', 'Notes'),
		flagField('Tentative', 'Tentative', 'Whether the booking is tentative'),
	],
	// Charging and invoicing are real money: off unless the user asks.
	createDefaults: { ChargeNow: false, InvoiceNow: false },
};

const entity = entityOperations(booking);

export const operations: Record<string, ItemOperation> = {
	create: entity.create,
	delete: entity.delete,
	get: entity.get,
	getAll: entity.getAll,
	update: entity.update,
};

export const description = entityDescription(booking, Object.keys(operations));
