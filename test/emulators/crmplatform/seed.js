'use strict';
// Deterministic seed data: geography (India), activity types, tags, contacts with individual /
// organization and address rows, contact tags, activities with assignees. Same options → same rows.

const GEO = [
	{ state: ['Maharashtra', 'MH'], districts: [['Pune', ['Khed', 'Velhe', 'Mulshi']], ['Mumbai Suburban', ['Aarey', 'Marol']], ['Nagpur', ['Kamptee', 'Umred']]] },
	{ state: ['Karnataka', 'KA'], districts: [['Bengaluru Urban', ['Anekal', 'Hesaraghatta']], ['Mysuru', ['Hunsur', 'Nanjangud']]] },
	{ state: ['Uttar Pradesh', 'UP'], districts: [['Lucknow', ['Malihabad', 'Mohanlalganj']], ['Varanasi', ['Pindra', 'Sevapuri']]] },
	{ state: ['Tamil Nadu', 'TN'], districts: [['Chennai', ['Manali']], ['Coimbatore', ['Pollachi', 'Sulur']]] },
	{ state: ['Gujarat', 'GJ'], districts: [['Ahmedabad', ['Sanand', 'Dholka']]] },
	{ state: ['Rajasthan', 'RJ'], districts: [['Jaipur', ['Amer', 'Chomu']], ['Udaipur', ['Girwa']]] },
];
const PINCODE_PREFIX = { MH: '41', KA: '56', UP: '22', TN: '60', GJ: '38', RJ: '30' };
const DEFAULT_ACTIVITY_TYPES = ['Call', 'Meeting', 'Email', 'Field Visit', 'Training'];
const DEFAULT_TAGS = [
	['VIP', 'High-value contacts'],
	['Volunteer', 'Registered volunteers'],
	['Donor', 'Has donated in the last 12 months'],
	['Farmer Producer Organisation', 'FPO members and partners'],
	['Newsletter', 'Receives the monthly newsletter'],
];
const FIRST = ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Sneha', 'Arjun', 'Kavya', 'Rahul', 'Meera', 'Siddharth', 'Pooja', 'Karan', 'Isha', 'Aditya', 'Neha', 'Manish', 'Divya', 'Suresh', 'Lakshmi'];
const LAST = ['Sharma', 'Patil', 'Iyer', 'Reddy', 'Kulkarni', 'Deshmukh', 'Nair', 'Gupta', 'Joshi', 'Singh', 'Menon', 'Rao', 'Chavan', 'Verma', 'Pillai', 'Shah', 'Bose', 'Mehta', 'Kapoor', 'Jadhav'];
const ORG_WORDS = [['Shree', 'Sahyadri', 'Green Valley', 'Krishi', 'Navjeevan', 'Gramin', 'Annapurna', 'Pragati'], ['Farmers', 'Agro', 'Dairy', 'Weavers', 'Self Help', 'Seeds'], ['Cooperative', 'Producer Company', 'Foundation', 'Trust', 'Pvt Ltd']];
const STREETS = ['MG Road', 'Station Road', 'Gandhi Nagar', 'Shivaji Chowk', 'Temple Street', 'Market Yard', 'Nehru Colony', 'Lake View Road'];
const SEED_BASE_MS = Date.UTC(2020, 5, 1, 8, 0, 0); // 2020-06-01T08:00:00.000Z

function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// Seeds write through the store with a fixed, advancing clock so timestamps are deterministic.
function createSeeder(store, setSeedClock, seed = 1) {
	const random = mulberry32(seed);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');
	let tick = 0;
	const at = () => {
		const date = new Date(SEED_BASE_MS + (tick++ * 7 * 60 + Math.floor(random() * 59)) * 1000 + Math.floor(random() * 1000));
		setSeedClock(date);
		return date;
	};

	function seedGeo() {
		at();
		const india = store.insert('country', { name: 'India', abbreviation: 'IN', identifier: 'IN', is_active: true });
		store.insert('country', { name: 'Nepal', abbreviation: 'NP', identifier: 'NP' }); // is_active default false
		for (const { state, districts } of GEO) {
			const st = store.insert('state', { name: state[0], abbreviation: state[1], identifier: `IN-${state[1]}`, country: india.id });
			for (const [name, villages] of districts) {
				const d = store.insert('district', { name, abbreviation: name.slice(0, 3).toUpperCase(), identifier: `${state[1]}-${slug(name)}`, state: st.id });
				for (const v of villages) store.insert('village', { name: v, abbreviation: `${state[1]}-${slug(v)}`, identifier: `${state[1]}-${slug(name)}-${slug(v)}`, state: st.id, district: d.id });
			}
		}
	}

	function seedActivityTypes(names = DEFAULT_ACTIVITY_TYPES) {
		at();
		for (const name of names) store.insert('activitytype', { name });
	}

	function seedTags(count = DEFAULT_TAGS.length) {
		for (let i = 0; i < count; i++) {
			at();
			const [name, description] = DEFAULT_TAGS[i] || [`Segment ${i + 1}`, `Seeded segment ${i + 1}`];
			store.insert('tag', { name, description });
		}
	}

	function seedContacts(count) {
		const districts = store.rows('district');
		const tags = store.rows('tag');
		for (let i = 0; i < count; i++) {
			at();
			const n = store.state.nextIds.contact;
			const district = districts.length ? pick(districts) : null;
			const state = district ? store.get('state', district.state) : null;
			const phone = `${pick(['9', '8', '7'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
			const address = store.insert('address', {
				address_line_1: `${1 + Math.floor(random() * 250)} ${pick(STREETS)}`,
				city: district ? district.name : 'Pune',
				pincode: `${PINCODE_PREFIX[state ? state.abbreviation : 'MH']}${String(Math.floor(random() * 10000)).padStart(4, '0')}`,
				address_type: pick(['Permanent', 'Permanent', 'Temporary', 'Billing']),
				country: state ? state.country : null,
				state: state ? state.id : null,
				district: district ? district.id : null,
			});
			let values;
			if (random() < 0.85) {
				const first = pick(FIRST);
				const last = pick(LAST);
				const individual = store.insert('individual', { first_name: first, last_name: last });
				values = { name: `${first} ${last}`, contact_type: 'individual', individual: individual.id, email: `${first}.${last}.${n}@example.org`.toLowerCase() };
			} else {
				const name = `${pick(ORG_WORDS[0])} ${pick(ORG_WORDS[1])} ${pick(ORG_WORDS[2])}`;
				const organization = store.insert('organization', { name });
				values = { name, contact_type: 'organization', organization: organization.id, email: `info.${n}@${slug(name).slice(0, 16)}.example.org` };
			}
			const contact = store.insert('contact', { ...values, phone, phone_other: random() < 0.2 ? `020${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : null, addresses: [address.id] });
			// About 1.25 tags per contact, however many tags are seeded (the same data as ever for the default 5).
			for (const tag of tags) if (random() < Math.min(0.25, 1.25 / tags.length)) store.insert('contacttag', { contact: contact.id, tag: tag.id });
		}
	}

	function seedActivities(count) {
		const contacts = store.rows('contact');
		const types = store.rows('activitytype');
		for (let i = 0; i < count; i++) {
			const startedAt = at();
			const type = types.length ? pick(types) : null;
			const who = contacts.length ? pick(contacts) : null;
			const activity = store.insert('activity', {
				title: `${type ? type.name : 'Follow-up'} with ${who ? who.name : 'prospect'}`,
				description: `<p>Seeded activity ${i + 1}</p>`,
				start_datetime: new Date(startedAt.getTime() + 86400000).toISOString(),
				end_datetime: new Date(startedAt.getTime() + 86400000 + 3600000).toISOString(),
				activitytype: type ? type.id : null,
			});
			if (who) store.insert('activityassignee', { activity: activity.id, contact: who.id });
		}
	}

	// data: { geo, activityTypes, tags, contacts, activities } (counts or booleans)
	function seedData(data = {}) {
		try {
			if (data.geo) seedGeo();
			if (data.activityTypes) seedActivityTypes(Array.isArray(data.activityTypes) ? data.activityTypes : undefined);
			if (data.tags) seedTags(Number(data.tags));
			if (data.contacts) seedContacts(Number(data.contacts));
			if (data.activities) seedActivities(Number(data.activities));
		} finally {
			setSeedClock(null);
		}
	}

	return { seedData };
}

module.exports = { createSeeder, DEFAULT_TAGS, DEFAULT_ACTIVITY_TYPES, SEED_BASE_MS };
