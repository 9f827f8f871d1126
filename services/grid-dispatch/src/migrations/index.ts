import { MESSAGING_MIGRATIONS } from '@grievance/messaging';
import { SLA_MIGRATIONS } from '@grievance/sla';
import { GridDispatchSchema1763990000000 } from './1763990000000-GridDispatchSchema';
import { TicketSlaDeadlines1795400000000 } from './1795400000000-TicketSlaDeadlines';
import { TicketDispatches1797100000000 } from './1797100000000-TicketDispatches';
import { DirectoryCopy1797300000000 } from './1797300000000-DirectoryCopy';
import { ContestedTickets1798300000000 } from './1798300000000-ContestedTickets';
import { DirectoryCodes1799000000000 } from './1799000000000-DirectoryCodes';
import { PartTimeGridWorkers1799100000000 } from './1799100000000-PartTimeGridWorkers';
import { StationDuty1799200000000 } from './1799200000000-StationDuty';

/** Every migration of the grid-dispatch database (TypeORM runs the pending ones in timestamp order). */
export const GRID_DISPATCH_MIGRATIONS = [...MESSAGING_MIGRATIONS, ...SLA_MIGRATIONS, GridDispatchSchema1763990000000, TicketSlaDeadlines1795400000000, TicketDispatches1797100000000, DirectoryCopy1797300000000, ContestedTickets1798300000000, DirectoryCodes1799000000000, PartTimeGridWorkers1799100000000, StationDuty1799200000000];
