/** The colour of a grievance's status tag in the rider's screens. */
export const STATUS_COLOUR: Record<string, string> = { resolved: 'green', closed: 'default', rejected: 'red', in_progress: 'blue' };
