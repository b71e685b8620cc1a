/** The most useful Nexudus webhook events (`eWebhookAction` values); any other number can be typed in. */
export const WEBHOOK_ACTIONS: Array<[string, number]> = [
	['Booking Created', 6],
	['Booking Deleted', 8],
	['Booking Updated', 7],
	['Check-In Created', 47],
	['Coworker Checked In', 36],
	['Coworker Checked Out', 35],
	['Coworker Created', 3],
	['Coworker Deleted', 50],
	['Coworker Updated', 2],
	['Invoice Created', 16],
	['Invoice Paid', 21],
	['Team Created', 57],
	['Team Deleted', 59],
	['Team Updated', 58],
];

export const webhookActionOptions = WEBHOOK_ACTIONS.map(([name, value]) => ({ name, value }));
