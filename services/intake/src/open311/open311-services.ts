import { URGENCIES, type Urgency } from '@grievance/contracts';
import type { Category } from '../categories/category-catalogue';
import type { Open311Record } from './open311-format';

/**
 * Which of intake's categories are Open311 services: the hazards (随手拍), problems at a place
 * in the street that anyone may see. Appeals and suggestions are a worker's own grievances and
 * go through the native API and the escalation chain, not a public civic feed.
 */
export const isOpen311Service = (category: Category): boolean => category.kind === 'hazard';

/** The one attribute a hazard's definition has: how urgent it is (the native API's `urgency`). */
const URGENCY_NAMES: Readonly<Record<Urgency, string>> = { normal: '一般', urgent: '紧急' };

/** The service list's entry for a category (GeoReport v2 "GET Service List"). */
export function serviceOf(category: Category): Open311Record {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.name,
    // Every hazard has a definition (its urgency attribute).
    metadata: true,
    // Routed and answered by the system as it happens.
    type: 'realtime',
    keywords: [category.code, category.kind].join(','),
    group: category.defaultDepartment ?? '',
  };
}

/** The service definition (GeoReport v2 "GET Service Definition"): its attributes, here urgency. */
export function serviceDefinitionOf(category: Category): Open311Record {
  return {
    service_code: category.code,
    attributes: [
      {
        variable: true,
        code: 'urgency',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '不填为一般（normal）',
        order: 1,
        description: '紧急程度',
        values: URGENCIES.map((key) => ({ key, name: URGENCY_NAMES[key] })),
      },
    ],
  };
}

/** The attribute codes a hazard's request may carry (`attribute[urgency]`) and their allowed keys. */
export const SERVICE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { urgency: URGENCIES };
