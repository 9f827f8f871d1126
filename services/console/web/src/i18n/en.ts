import type { Catalogue } from './zh-CN';

/** English. Same keys as zh-CN (the type checks it). */
const en: Catalogue = {
  app: { title: 'Grievance console', subtitle: 'Straight-through grievances for new-employment workers', language: '中文', signOut: 'Sign out', loading: 'Loading…', error: 'Something went wrong', retry: 'Try again', signedInAs: 'Signed in as {{name}}', notBuilt: 'This role\'s screens are not open yet' },
  signIn: {
    title: 'Sign in as a demo persona', hint: 'Development: these people come from the demo city; the server mints the chosen one\'s token.', search: 'Search personas', signIn: 'Sign in', production: 'Sign in with the identity provider', failed: 'Sign-in failed, try again', expired: 'Your session has ended; please sign in again',
    group: { station_staff: 'Station staff', worker: 'Workers', grid_worker: 'Grid workers', department: 'Departments', member: 'Liaison members', branch: 'Branch secretaries', industry_committee: 'Industry committees', two_new_committee: 'Two-New Work Committee', auditor: 'Auditor', admin: 'Admin' },
  },
  role: { station_staff: 'Station staff', system: 'System', worker: 'Worker', grid_worker: 'Grid worker', department: 'Department', member: 'Liaison member', branch: 'Branch', industry_committee: 'Industry committee', two_new_committee: 'Two-New Work Committee', auditor: 'Auditor', admin: 'Admin' },
  rider: {
    tabs: { report: 'Snap & report', appeal: 'Appeal', grievances: 'My reports', points: 'My points' },
    report: {
      title: 'Report a hazard', photo: 'Photo', photoHint: 'Take a photo or pick one (JPEG, PNG, WebP, up to 10 MB)', uploading: 'Uploading {{percent}}%', uploaded: '{{count}} photo(s) uploaded', removePhoto: 'Remove photo',
      place: 'Place', useMyPosition: 'Use my position', locating: 'Locating…', tapMap: 'Choose on the map', placeChosen: 'Place: {{latitude}}, {{longitude}}', noPlace: 'No place chosen yet', address: 'Address (optional)',
      category: 'Category', urgency: 'Urgency', urgent: 'Urgent', normal: 'Normal', headline: 'Title', description: 'Description', submit: 'Submit', submitted: 'Submitted, tracking number {{trackingNo}}',
    },
    appeal: {
      title: 'Raise an appeal', register: 'First register your occupation and branch (scan to register)', occupation: 'Occupation', branch: 'Branch', platform: 'Platform (optional)', registerButton: 'Register', registered: 'Registered: {{occupation}} · {{branch}}', changeRegistration: 'Change registration',
      fromQr: 'Branch filled in from the QR code', category: 'Category', headline: 'Title', description: 'What happened', submit: 'Submit appeal', submitted: 'Submitted, tracking number {{trackingNo}}',
    },
    grievances: { title: 'My reports', empty: 'No reports yet', timeline: 'Progress', rate: 'Rate', rating: 'Satisfaction', comment: 'Comment (optional)', sendRating: 'Send rating', rated: 'Thank you for your rating', underSupervision: 'Supervised', asked: 'The holder asks you', reply: 'Reply', replyLabel: 'Your answer',
      joined: 'Joined to {{trackingNo}}', joinedHint: 'Someone nearby had already reported the same hazard: your report was joined to theirs on {{time}} and is dealt with together with it.', originalStatus: 'Its status', originalTimeline: 'Its progress',
      resolution: 'What was done', resolvedBy: '{{holder}} · {{time}}', fixPhotos: 'Photos of the fix', fixPhoto: 'Photo of the fix {{n}}', photoFailed: 'The photo could not be loaded',
      contest: {
        open: 'Ask for a second check', hint: 'The grid worker found nothing on site. If the hazard is still there, you may ask once for another grid worker to check it.', reason: 'Why check again', reasonHint: 'Where the hazard is and what it looks like', send: 'Send the request', cancel: 'Cancel',
        sent: 'You asked for a second check: another grid worker will look at it',
      },
    },
    points: { title: 'My points', balance: 'Balance', history: 'History', empty: 'No points yet', reason: { verified_report: 'Report confirmed on site', verified_co_report: 'A hazard you also reported was confirmed', volunteering: 'Volunteering', redemption: 'Redeemed' } },
  },
  grid: {
    onDuty: 'On duty', offDuty: 'Off duty', dutyLabel: 'Duty', inbox: 'Tickets', done: 'Done', empty: 'No tickets', live: 'Live',
    accept: 'Accept', verify: 'Verify on site', verdict: 'Verdict', confirmed: 'Confirmed', invalid: 'Invalid', duplicate: 'Duplicate', note: 'Note', photo: 'Photo on site', position: 'My position', locate: 'Get my position',
    distance: '{{metres}} m from the report', tooFar: '{{metres}} m from the report, more than {{limit}} m: cannot confirm', send: 'Send check', duplicateOf: 'Grievance it duplicates (UUID)', verified: 'Verified', accepted: 'Accepted', correctedCategory: 'Correct the category (optional)', correctedCategoryHint: 'When what you see on site is another kind of hazard; the grievance goes to that category\'s department',
    ticketStatus: { dispatched: 'To accept', accepted: 'To verify', verified: 'Verified', undispatched: 'Waiting', reassigned: 'Reassigned' },
  },
  department: {
    queue: 'Department queue', status: 'Status', overdue: 'Overdue only', category: 'Category', district: 'District', all: 'All', accept: 'Accept', resolve: 'Resolve', resolution: 'Resolution', photos: 'Photos', send: 'Send resolution',
    detail: 'Grievance', reporterPhotos: 'Reporter\'s photos', empty: 'Nothing in the queue', exportCsv: 'Export CSV', submittedAt: 'Reported', deadline: 'Deadline',
    grievanceStatus: { assigned: 'To accept', in_progress: 'In progress', resolved: 'Resolved', closed: 'Closed', reopened: 'Reopened' },
  },
  chain: {
    inbox: 'Appeals inbox', supervisedOnly: 'Supervised only', acknowledge: 'Acknowledge', send: 'Send', department: 'Department',
    action: { resolve: 'Resolve', escalate: 'Escalate', return: 'Return down', 'assign-department': 'Assign to a department', 'ask-reporter': 'Ask the reporter' },
    field: { resolution: 'Resolution', reason: 'Reason', note: 'Note (optional)', question: 'Question' },
    status: { routed: 'To acknowledge', assigned: 'With a department', in_progress: 'In progress', resolved: 'Resolved', closed: 'Closed' },
  },
  audit: {
    search: 'Search', rankings: 'Monthly ranking', assessments: 'Yearly assessment', rank: 'Rank', month: 'Month', monthInvalid: 'Enter a month (YYYY-MM)', year: 'Year', unitLabel: 'Assessed units', rankByLabel: 'Rank by', downloadAssessment: 'Download the yearly assessment (CSV)',
    rankBy: { score: 'Score', responseRate: 'Response rate', resolutionRate: 'Resolution rate', satisfactionRate: 'Satisfaction rate' }, breachesColumn: 'Breaches', submittedAt: 'Submitted', flags: 'Flags', breachCount: '{{count}} breached',
    previousPage: 'Previous page', nextPage: 'Next page', openTrace: 'Open the trace of {{ref}}', slaMet: 'Every deadline met', slaMissed: 'A deadline was missed',
    filter: { trackingNo: 'Tracking number', kind: 'Kind', status: 'Status', level: 'Level', category: 'Category code', district: 'District', department: 'Department code', from: 'From', to: 'To', breached: 'Breached', supervised: 'Supervised', search: 'Search', none: 'No grievance fits these filters' },
    chart: { noValue: 'no data', rates: 'The three rates by {{group}}', ranking: 'Ranking of {{month}} by {{group}}: {{by}}', assessment: 'Yearly assessment {{year}} of the {{unit}} units (score out of 100)' },
    clock: { title: "Each holder's deadline", legend: 'grey is the budget, colour the time taken (green: in time, amber: done late, red: breached, grey: handed on or ended with the grievance undone, blue: running); the dashed line is the due time, the amber tick the 80 % warning (dotted where it was planned but never reached), hatching the time the reporter was asked. Every deadline is drawn from its start, those met in time too.', row: '{{holder}} · {{target}}: budget {{budget}}, {{outcome}}, took {{took}}' },
    outcome: { met: 'met', late: 'done late', breached: 'breached', stopped: 'handed on or ended undone', open: 'running' },
    title: 'Audit', trace: 'Trace', rates: 'Rates', breaches: 'Breaches', grievanceId: 'Grievance id', find: 'Find', grievanceRef: 'Grievance id or tracking number', noSuchTrackingNo: 'No grievance has the tracking number {{trackingNo}}',
    verified: 'Hash chain verified ({{length}} events)', broken: 'Hash chain broken at event {{index}}', groupBy: 'Group by', received: 'Received', responseRate: 'Response rate', resolutionRate: 'Resolution rate', satisfactionRate: 'Satisfaction rate',
    group: { department: 'Department', level: 'Level', industry: 'Industry', district: 'District', branch: 'Branch', committee: 'Industry committee', grid: 'Grid', grid_worker: 'Grid worker' }, holder: 'Holder', budget: 'Budget', firedAt: 'Breached at',
    event: {
      'grievance.submitted.v1': 'The worker reported it', 'grievance.routed.v1': 'Routed', 'grievance.escalated.v1': 'Passed up a level', 'grievance.returned.v1': 'Returned down a level',
      'grievance.supervised.v1': 'Supervised by the Two-New Work Committee', 'grievance.department-returned.v1': 'Returned by the department (not its grievance)', 'grievance.transferred.v1': 'Transferred to another department',
      'grievance.paused.v1': 'The holder asked the reporter a question', 'grievance.replied.v1': 'The reporter replied', 'ticket.dispatched.v1': 'Given to a grid worker', 'ticket.accepted.v1': 'The grid worker took it',
      'ticket.verified.v1': 'The grid worker checked it on site', 'grievance.assigned.v1': 'Handed to the department', 'grievance.accepted.v1': 'Accepted by its holder', 'grievance.rejected.v1': 'Not confirmed on site',
      'grievance.linked.v1': 'Joined to the same report nearby', 'grievance.resolved.v1': 'Resolved by its holder', 'feedback.rated.v1': 'The reporter rated it', 'grievance.reopened.v1': 'Reopened', 'grievance.closed.v1': 'Closed',
      'grievance.contested.v1': 'The reporter asked for a second check', 'grievance.referred-to-supervision.v1': 'Sent to the district supervising office', 'sla.started.v1': 'Deadline started', 'sla.warned.v1': 'Deadline warning (80 % used)', 'sla.breached.v1': 'Deadline missed',
      'sla.policy-changed.v1': 'SLA policy changed', 'points.awarded.v1': 'The worker was awarded points', 'points.redeemed.v1': 'The worker redeemed points', 'points.handed-over.v1': 'The station handed the item over',
      'worker.registered.v1': 'The worker registered', 'benefit.applied.v1': 'The worker applied for a benefit', 'benefit.decided.v1': 'The committee decided the benefit application', 'directory.entry-changed.v1': 'Directory entry changed',
    },
  },
  kind: { hazard: 'Hazard', appeal: 'Appeal', suggestion: 'Suggestion' },
  station: {
    tabs: { log: 'Log a walk-in', list: 'Our walk-ins' },
    form: {
      title: 'Log a grievance for a worker at the counter', workerId: 'Worker id', workerIdHint: 'The worker\'s account id in this system', workerPhone: 'Call-back phone (optional)', category: 'Category', headline: 'Title', description: 'Details',
      consentMethod: 'How they consented', consentGiven: 'The worker agrees to the station logging this for them', submit: 'Log it', logged: 'Logged as {{trackingNo}}; it is the worker\'s own grievance, which they follow and rate on their phone',
    },
    consent: { verbal: 'Verbally', signature: 'Signed', sms: 'By text message' },
    list: { title: 'Walk-ins logged at {{station}}', empty: 'No walk-ins at this station yet', worker: 'Worker {{worker}} · phone {{phone}}', noPhone: 'none given', logged: '{{time}}, logged by {{staff}} · {{consent}}' },
  },
  points: {
    redeem: { title: 'Redeem points', station: 'Station', choose: 'Choose a station', empty: 'Nothing to redeem at this station', cost: '{{cost}} points', stock: '{{stock}} left', soldOut: 'Sold out', short: 'Not enough points', button: 'Redeem', redeemed: 'Redeemed “{{name}}”: collect it at the station; balance {{balance}}' },
    kind: { prize: 'Prize', wish: 'Small wish' },
    redemptions: { title: 'My redemptions', empty: 'Nothing redeemed yet', state: { awaiting_hand_over: 'To collect', handed_over: 'Collected' } },
    benefits: {
      title: 'Public-service benefits (五入)', kind: 'Benefit', note: 'Note (optional)', apply: 'Apply', applied: 'Sent: the industry committee decides', empty: 'No applications yet',
      kinds: { school: 'School place', medical: 'Medical care', job: 'A job', childcare: 'Childcare', network: 'Network' },
      state: { pending: 'Pending', approved: 'Approved', refused: 'Refused' }, decided: '{{state}}: {{reason}}',
    },
    station: {
      tabs: { points: 'Points', handOver: 'Hand over', catalogue: 'Catalogue', volunteering: 'Volunteering' },
      handOver: { empty: 'Nothing waiting to be collected', button: 'Handed over', who: 'Worker {{worker}} · {{time}}', done: 'Handed over' },
      catalogue: { add: 'Add an item', name: 'Name', kind: 'Kind', cost: 'Points', stock: 'Stock', save: 'Save', saved: 'Saved “{{name}}”', empty: 'No items yet' },
      volunteering: { workerId: 'Worker id', points: 'Points', reason: 'What they did', award: 'Award points', awarded: 'Awarded {{points}} points; {{remaining}} more possible today' },
    },
    decisions: { tab: 'Benefit applications', empty: 'No application waiting', worker: 'Worker {{worker}} · {{balance}} points · {{time}}', reason: 'Reason', approve: 'Approve', refuse: 'Refuse', decided: 'Decided' },
  },
  deadline: { target: { respond: 'Respond', resolve: 'Resolve', accept: 'Accept', verify: 'Verify' }, left: '{{time}} left', overdue: '{{time}} overdue', paused: 'Paused', none: 'No deadline' },
  status: {
    submitted: 'Submitted', routed: 'Routed', dispatched: 'With the grid worker', accepted: 'Accepted', verified: 'Checked on site', in_progress: 'Being handled', resolved: 'Resolved', closed: 'Closed', rejected: 'Not taken up',
  },
  history: {
    'grievance.submitted.v1': 'You reported it', 'grievance.routed.v1': 'Routed', 'grievance.linked.v1': 'Joined to the same report nearby', 'ticket.dispatched.v1': 'Given to a grid worker', 'ticket.accepted.v1': 'The grid worker took it',
    'ticket.verified.v1': 'Checked on site', 'grievance.assigned.v1': 'Handed to the department', 'grievance.accepted.v1': 'Accepted', 'grievance.resolved.v1': 'Resolved', 'grievance.rejected.v1': 'Not confirmed on site',
    'grievance.escalated.v1': 'Passed up a level', 'grievance.returned.v1': 'Returned down a level', 'grievance.supervised.v1': 'Supervised by the Two-New Work Committee', 'grievance.reopened.v1': 'Reopened', 'grievance.closed.v1': 'Closed',
    'grievance.contested.v1': 'You asked for a second check; another grid worker will check it', 'grievance.referred-to-supervision.v1': 'Sent to the district supervising office',
    'feedback.rated.v1': 'You rated it', 'points.awarded.v1': 'Points awarded', 'grievance.paused.v1': 'You were asked a question', 'grievance.replied.v1': 'You replied', 'sla.breached.v1': 'A deadline was missed',
  },
  rating: { satisfied: 'Satisfied', basically_satisfied: 'Mostly satisfied', unsatisfied: 'Unsatisfied' },
  occupation: { rider: 'Delivery rider', courier: 'Courier', ride_hailing_driver: 'Ride-hailing driver', truck_driver: 'Truck driver', livestreamer: 'Livestreamer', domestic_worker: 'Domestic worker', online_writer: 'Online writer' },
  category: {
    manhole_cover_missing: 'Missing manhole cover', road_damage: 'Road damage', flying_wire_charging: 'Flying-wire charging', stairwell_clutter: 'Stairwell clutter', illegal_parking: 'Illegal parking', open_air_garbage: 'Open-air garbage', elevator_safety: 'Elevator safety',
    ghost_kitchen: 'Ghost kitchen', fire_hazard: 'Fire hazard', order_dispute: 'Order dispute', compound_access: 'Compound access', affordable_meals: 'Affordable meals', charging_point: 'Charging points', pay_dispute: 'Pay dispute', injury_insurance: 'Injury insurance',
    hardship_aid: 'Hardship aid', legal_aid: 'Legal aid', school_place: 'School place', party_membership_transfer: 'Party membership transfer', truck_passage: 'Truck passage', health_certificate: 'Health certificate', housing: 'Housing', public_order: 'Public order',
    golden_idea: 'Suggestion (golden idea)',
  },
  validation: {
    required: '{{field}} is required', tooLong: '{{field}} must be at most {{max}} characters', place: 'Choose a place: use your position or tap the map', photoType: 'A photo must be JPEG, PNG or WebP', photoSize: 'A photo must be at most 10 MB', category: 'Choose a category', uuid: 'Enter a valid grievance id', grievanceRef: 'Enter a grievance id or a tracking number (such as NC-20261203-000042)', polygon: '{{field}} must be a GeoJSON polygon ("type": "Polygon")', jsonObject: '{{field}} must be a JSON object ({…})', json: '{{field}} must be JSON', hours: '{{field}} must look like 09:00-12:00, 13:30-18:00', number: '{{field}} must be a number', workerId: 'A worker id is letters, digits and . _ : @ -', phone: '{{field}} must be a phone number (digits, an optional leading +, spaces or dashes)', consent: 'A station logs a grievance only with the worker\'s consent: tick the box',
  },
  errors: {
    network: 'No connection; try again shortly', server: 'The service could not do it now; try again shortly (error {{errorId}})', conflict: 'The grievance has moved on: {{message}}', unprocessable: 'Cannot be done: {{message}}', forbidden: 'You may not do this', notFound: 'Not found, or not yours to see', busy: 'Busy, trying again…', field: '{{message}}',
  },
  time: { justNow: 'just now' },
  bell: { title: 'Alerts', label: 'Staff alerts, {{count}} unread', unread: 'Unread', empty: 'No alerts yet', markRead: 'Mark all read' },
};
export default en;
