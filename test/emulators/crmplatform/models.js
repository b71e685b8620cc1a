'use strict';
// Model definitions of the crm-plugin (models/*.settings.json) plus the users-permissions user.
// attrs: column → type; rel: alias → { kind: 'one' (FK column on this table) | 'many' (FK on `model`.`via`) }.
// `oneToOne` relations keep the partner's FK in sync (contact ↔ individual/organization).

const MODELS = {
	contact: {
		table: 'contacts',
		attrs: { name: 'string', phone: 'string', phone_other: 'string', email: 'string', email_other: 'string', contact_type: 'string' },
		rel: {
			individual: { kind: 'one', model: 'individual', oneToOne: 'contact' },
			organization: { kind: 'one', model: 'organization', oneToOne: 'contact' },
			user: { kind: 'one', model: 'user' },
			addresses: { kind: 'many', model: 'address', via: 'contact' },
			contacttags: { kind: 'many', model: 'contacttag', via: 'contact' },
			activityassignees: { kind: 'many', model: 'activityassignee', via: 'contact' },
		},
	},
	// first_name is NOT NULL without a default (observed on MariaDB: ER_NO_DEFAULT_FOR_FIELD when left out).
	individual: { table: 'individuals', attrs: { first_name: 'string', last_name: 'string' }, notNull: ['first_name'], rel: { contact: { kind: 'one', model: 'contact', oneToOne: 'individual' } } },
	organization: { table: 'organizations', attrs: { name: 'string' }, rel: { contact: { kind: 'one', model: 'contact', oneToOne: 'organization' } } },
	address: {
		table: 'addresses',
		// address_type is an enum in the schema, but strapi.query() skips the validator: any string is stored.
		attrs: { address_line_1: 'string', address_line_2: 'string', address_type: 'string', city: 'string', pincode: 'string' },
		rel: { country: { kind: 'one', model: 'country' }, state: { kind: 'one', model: 'state' }, district: { kind: 'one', model: 'district' }, contact: { kind: 'one', model: 'contact' } },
	},
	activity: {
		table: 'activities',
		attrs: { title: 'string', start_datetime: 'datetime', end_datetime: 'datetime', description: 'text' },
		rel: { activitytype: { kind: 'one', model: 'activitytype' }, activityassignees: { kind: 'many', model: 'activityassignee', via: 'activity' } },
	},
	activitytype: { table: 'activitytypes', attrs: { name: 'string', is_active: 'boolean' }, defaults: { is_active: true }, rel: { activities: { kind: 'many', model: 'activity', via: 'activitytype' } } },
	activityassignee: { table: 'activityassignees', attrs: {}, rel: { activity: { kind: 'one', model: 'activity' }, contact: { kind: 'one', model: 'contact' } } },
	tag: { table: 'tags', attrs: { name: 'string', description: 'text', is_active: 'boolean' }, defaults: { is_active: true }, rel: { contacttags: { kind: 'many', model: 'contacttag', via: 'tag' } } },
	contacttag: { table: 'contacttags', attrs: {}, rel: { contact: { kind: 'one', model: 'contact' }, tag: { kind: 'one', model: 'tag' } } },
	country: {
		table: 'countries',
		attrs: { name: 'string', is_active: 'boolean', abbreviation: 'string', identifier: 'string' },
		defaults: { is_active: false }, // country is_active defaults to false
		unique: ['abbreviation', 'identifier'],
		rel: { states: { kind: 'many', model: 'state', via: 'country' } },
	},
	state: {
		table: 'states',
		attrs: { name: 'string', is_active: 'boolean', abbreviation: 'string', identifier: 'string' },
		defaults: { is_active: true },
		unique: ['abbreviation', 'identifier'],
		rel: { country: { kind: 'one', model: 'country' }, districts: { kind: 'many', model: 'district', via: 'state' }, villages: { kind: 'many', model: 'village', via: 'state' } },
	},
	district: {
		table: 'districts',
		attrs: { name: 'string', is_active: 'boolean', abbreviation: 'string', identifier: 'string' },
		defaults: { is_active: true },
		rel: { state: { kind: 'one', model: 'state' }, villages: { kind: 'many', model: 'village', via: 'district' } },
	},
	village: {
		table: 'villages',
		attrs: { name: 'string', abbreviation: 'string', identifier: 'string', is_active: 'boolean' },
		defaults: { is_active: true },
		unique: ['abbreviation', 'identifier'],
		rel: { state: { kind: 'one', model: 'state' }, district: { kind: 'one', model: 'district' } },
	},
	user: {
		table: 'users-permissions_user',
		attrs: { username: 'string', email: 'string', provider: 'string', password: 'string', resetPasswordToken: 'string', confirmed: 'boolean', blocked: 'boolean' },
		defaults: { provider: 'local', confirmed: false, blocked: false },
		unique: ['username', 'email'],
		private: ['password', 'resetPasswordToken'],
		rel: { role: { kind: 'one', model: 'role' } },
	},
	role: { table: 'users-permissions_role', attrs: { name: 'string', description: 'string', type: 'string' }, rel: {}, noTimestamps: true },
};

// Every real column of a model: id, attributes, FK columns, timestamps.
function columnType(modelName, column) {
	const model = MODELS[modelName];
	if (column === 'id') return 'integer';
	if (column === 'created_at' || column === 'updated_at') return model.noTimestamps ? undefined : 'datetime';
	if (model.attrs[column]) return model.attrs[column];
	const rel = model.rel[column];
	return rel && rel.kind === 'one' ? 'integer' : undefined;
}

module.exports = { MODELS, columnType };
