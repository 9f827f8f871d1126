import type { AdminCatalogue } from './admin.zh-CN';

/** English: the admin's screens. Same keys as admin.zh-CN (the type checks it). */
const adminEn: AdminCatalogue = {
  title: 'Administration', search: 'Find by name or id', directory: 'Directory', sla: 'Time limits', map: 'Grid map', empty: 'No entries', city: 'The whole city', saved: 'Saved (version {{version}})', retired: 'Retired “{{name}}”',
  stale: 'Someone else changed this entry after you opened it, so your change was not saved. Reload the latest version and make your change again.', reload: 'Reload',
  new: 'New', edit: 'Edit', retire: 'Retire', save: 'Save', retireConfirm: 'Retire “{{name}}”? It stays as history and is not used for new grievances.', editTitle: 'Edit {{kind}}: {{name}}', newTitle: 'New {{kind}}',
  kinds: { grids: 'Grids', gridWorkers: 'Grid workers', departments: 'Departments', categoryRoutes: 'Category routes', fallbackOwners: 'Fallback owners', chainUnits: 'Chain units', policies: 'SLA policies', calendars: 'Calendars', history: 'Changes', areas: 'Districts · streets · communities', stations: 'Stations' },
  field: {
    id: 'Id', code: 'Code', name: 'Name', level: 'Level', parentId: 'Parent unit', polygon: 'Area (GeoJSON polygon)', gridId: 'Grid', phone: 'Phone', employment: 'Employment', category: 'Category', districtId: 'District', departmentCode: 'Department', attributes: 'Attributes (JSON, optional)',
    description: 'Description', match: 'Applies to (JSON)', respond: 'Respond within', resolve: 'Resolve within', accept: 'Accept within', verify: 'Verify within', warnShare: 'Warning share', calendar: 'Calendar', priority: 'Priority', reason: 'Reason for the change', kind: 'Time counted', timeZone: 'Time zone', workingHours: 'Working hours', weekend: 'Days off', holidays: 'Public holidays', workdays: 'Make-up working days', address: 'Address', workerId: 'Rider or courier account (part-time grid worker)', stationId: 'Posted at station', openingHours: 'Opening hours', staff: 'Staff',
  },
  hint: { polygon: '{"type":"Polygon","coordinates":[[[lng,lat],…,first point]]}: each ring ends where it starts', budget: 'Milliseconds or an ISO-8601 duration such as PT4H or P2D; empty for none', workingHours: 'Such as 09:00-12:00, 13:30-18:00', days: 'Dates as YYYY-MM-DD, separated by spaces, commas or lines', city: 'Empty: the whole city\'s fallback', match: 'Such as {"kind":"appeal","stage":"member"}; {} applies to every grievance' , openingHours: 'e.g. 08:00-22:00 or 24h', workerId: 'When a registered rider or courier serves: their account id; part-time only', stationId: 'The station they are posted at: while on duty they take the walk-ins logged there first', staff: 'names, separated by commas' },
  column: { version: 'Version', status: 'Status', actions: 'Actions', live: 'In use', retiredTag: 'Retired', budgets: 'Budgets', changedAt: 'When', actor: 'By', change: 'Change' },
  employment: { full_time: 'Full-time', part_time: 'Part-time' },
  level: { district: 'District', street: 'Street', community: 'Community', grid: 'Grid', two_new_committee: 'Two-New Work Committee', industry_committee: 'Industry committee', branch: 'Branch', member: 'Liaison member' },
  calendarKind: { calendar: 'Calendar time', working: 'Working time' },
  weekday: { '1': 'Monday', '2': 'Tuesday', '3': 'Wednesday', '4': 'Thursday', '5': 'Friday', '6': 'Saturday', '7': 'Sunday' },
  changeAction: { seed: 'Initial', put: 'Changed', retire: 'Retired' },
};
export default adminEn;
