import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

/**
 * The rules of the contract classes, compiled once per class into plain checks: the same
 * class-validator metadata and the same constraint functions (`isString`, `isIn`, …) that
 * `validateSync` runs, without looking the metadata up, grouping it and building error
 * objects for every message. It only says whether a value passes (what a consumer needs for
 * nearly every event); what is wrong with one that does not is still told by class-validator
 * itself (validation.ts), so reasons and field paths are exactly as before.
 *
 * It checks the parsed JSON where class-validator checks what class-transformer made of it:
 * the two see the same values because a contract class has no initialisers, getters,
 * exposure or custom transforms (a class with any of those, or a constraint not known to read
 * only its value, is not compiled, and the caller falls back to class-transformer and
 * class-validator for it).
 */

type Class = new () => object;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type Condition = (object: unknown, value: unknown) => boolean;

interface ConstraintInstance {
  validate(value: unknown, args: unknown): unknown;
}

interface Check {
  property: string;
  each: boolean;
  validateIf?: Condition;
  constraints: unknown[];
  instances: ConstraintInstance[];
}

interface PropertyPlan {
  name: string;
  conditions: Condition[];
  /** IS_DEFINED checks, then the other custom ones, in class-validator's order. */
  checks: Check[];
  nested: number;
}

interface ClassPlan {
  cls: Class;
  /** No validation metadata at all: class-validator refuses such an object (forbidUnknownValues). */
  unknown: boolean;
  properties: PropertyPlan[];
  /** class-transformer's @Type of each property that has one. */
  types: Map<string, Class>;
}

/** Constraints that look at the value (and their own constraint arguments) only. */
const VALUE_ONLY_CONSTRAINTS = new Set([
  'isDefined',
  'isString',
  'isNotEmpty',
  'maxLength',
  'minLength',
  'isIn',
  'isInt',
  'isNumber',
  'isBoolean',
  'min',
  'max',
  'isUuid',
  'matches',
  'isArray',
  'arrayMaxSize',
  'arrayMinSize',
  'arrayNotEmpty',
  'isObject',
  'isLatitude',
  'isLongitude',
  'isIso8601',
  'isPositive',
  'isEmail',
  'isUrl',
]);

const plans = new Map<Class, ClassPlan | null>();

class NotCompilable extends Error {}

interface TransformerStorage {
  _typeMetadatas: Map<Class, Map<string, { typeFunction?: (options?: unknown) => unknown; reflectedType?: unknown; options?: { discriminator?: unknown } }>>;
  _transformMetadatas: Map<Class, Map<string, unknown[]>>;
  getStrategy(target: Class): string;
  getExposedMetadatas(target: Class): unknown[];
  getExcludedMetadatas(target: Class): unknown[];
  getAncestors(target: Class): Class[];
}

function compile(cls: Class): ClassPlan {
  const storage = getMetadataStorage();
  const metadatas: ValidationMetadata[] = storage.getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined);
  const grouped = storage.groupByPropertyName(metadatas);
  const properties: PropertyPlan[] = Object.keys(grouped).map((name) => {
    const all = grouped[name]!;
    const checkOf = (metadata: ValidationMetadata): Check => {
      const constraintMetadatas = storage.getTargetValidatorConstraints(metadata.constraintCls);
      for (const constraint of constraintMetadatas) {
        if (constraint.async || !VALUE_ONLY_CONSTRAINTS.has(constraint.name ?? '')) throw new NotCompilable(`${cls.name}.${name}: ${constraint.name}`);
      }
      return {
        property: metadata.propertyName,
        each: metadata.each,
        validateIf: metadata.validateIf,
        constraints: metadata.constraints,
        instances: constraintMetadatas.map((c) => c.instance as ConstraintInstance),
      };
    };
    for (const metadata of all) {
      if (metadata.type === ValidationTypes.PROMISE_VALIDATION || metadata.type === ValidationTypes.WHITELIST) throw new NotCompilable(`${cls.name}.${name}: ${metadata.type}`);
    }
    return {
      name,
      conditions: all.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.constraints[0] as Condition),
      checks: [
        ...all.filter((m) => m.type === ValidationTypes.IS_DEFINED),
        ...all.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION),
      ].map(checkOf),
      nested: all.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION).length,
    };
  });
  return { cls, unknown: metadatas.length === 0, properties, types: typesOf(cls) };
}

/** class-transformer's view of a class: which properties it turns into instances; refuses anything it would do beyond that. */
function typesOf(cls: Class): Map<string, Class> {
  const storage = defaultMetadataStorage as unknown as TransformerStorage;
  if (storage.getStrategy(cls) !== 'none' || storage.getExposedMetadatas(cls).length > 0 || storage.getExcludedMetadatas(cls).length > 0) {
    throw new NotCompilable(`${cls.name}: exposure rules`);
  }
  const types = new Map<string, Class>();
  for (const target of [...storage.getAncestors(cls)].reverse().concat(cls)) {
    if (storage._transformMetadatas.get(target)?.size) throw new NotCompilable(`${cls.name}: @Transform`);
    for (const [property, metadata] of storage._typeMetadatas.get(target) ?? []) {
      if (metadata.options?.discriminator || !metadata.typeFunction) throw new NotCompilable(`${cls.name}.${property}: @Type`);
      const type = metadata.typeFunction() as Class;
      if (type === (Set as unknown) || type === (Map as unknown) || type === (Date as unknown) || type === (String as unknown) || type === (Number as unknown) || type === (Boolean as unknown)) {
        throw new NotCompilable(`${cls.name}.${property}: @Type(${type.name})`);
      }
      if (metadata.reflectedType === Set || metadata.reflectedType === Map) throw new NotCompilable(`${cls.name}.${property}: ${String(metadata.reflectedType)}`);
      types.set(property, type);
    }
  }
  return types;
}

function planOf(cls: Class): ClassPlan | null {
  let plan = plans.get(cls);
  if (plan === undefined) {
    try {
      plan = compile(cls);
      // The plans of the classes it nests are made now too, so a class that cannot be compiled is known before the first check.
      plans.set(cls, plan);
      for (const nested of plan.types.values()) if (!planOf(nested)) throw new NotCompilable(`${cls.name} nests ${nested.name}`);
    } catch (error) {
      if (!(error instanceof NotCompilable)) throw error;
      plan = null;
    }
    plans.set(cls, plan);
  }
  return plan;
}

/** Whether a class's rules could be compiled (otherwise callers use class-transformer and class-validator). */
export function isCompilable(cls: Class): boolean {
  return planOf(cls) !== null;
}

const own = (object: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined);

/** Whether `value`, as class-transformer would turn it into an instance of `cls`, passes class-validator. */
export function passes(cls: Class, value: object): boolean {
  const plan = planOf(cls);
  if (!plan) throw new Error(`${cls.name} cannot be compiled; check isCompilable first`);
  return objectPasses(plan, value);
}

function objectPasses(plan: ClassPlan, object: object): boolean {
  if (plan.unknown) return false;
  for (const property of plan.properties) {
    if (!propertyPasses(plan, object, own(object, property.name), property)) return false;
  }
  return true;
}

function propertyPasses(plan: ClassPlan, object: object, value: unknown, property: PropertyPlan): boolean {
  for (const condition of property.conditions) if (!condition(object, value)) return true;
  for (const check of property.checks) if (!checkPasses(plan, object, value, check)) return false;
  if (value === undefined || property.nested === 0) return true;
  return nestedPasses(value, plan.types.get(property.name));
}

function checkPasses(plan: ClassPlan, object: object, value: unknown, check: Check): boolean {
  if (check.validateIf && !check.validateIf(object, value)) return true;
  const args = { targetName: plan.cls.name, property: check.property, object, value, constraints: check.constraints };
  for (const instance of check.instances) {
    if (!check.each || !Array.isArray(value)) {
      if (!instance.validate(value, args)) return false;
    } else if (!value.every((item) => instance.validate(item, args))) {
      return false;
    }
  }
  return true;
}

/** @ValidateNested: an array is checked item by item, an object against its class (an untyped one has none: refused), anything else refused. */
function nestedPasses(value: unknown, type: Class | undefined): boolean {
  if (Array.isArray(value)) return value.every((item) => item === undefined || nestedPasses(item, type));
  if (typeof value !== 'object' || value === null) return false;
  const plan = type ? planOf(type) : undefined;
  return plan ? objectPasses(plan, value) : false;
}

/**
 * What `plainToInstance(cls, value)` makes of parsed JSON that `passes` accepted: an instance
 * of `cls` (its declared fields first, as the class makes them), each @Type property an
 * instance of its class, arrays and untyped objects copied; keys class-transformer skips
 * (those naming a method or accessor of the target) skipped alike.
 */
export function instantiate<T extends object>(cls: new () => T, value: object): T {
  const plan = planOf(cls);
  if (!plan) throw new Error(`${cls.name} cannot be compiled; check isCompilable first`);
  return copy(value, cls) as T;
}

function copy(value: unknown, type: Class | undefined): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => copy(item, type));
  if (typeof value !== 'object' || value === null) return value;
  const target = (type ? new type() : {}) as Record<string, unknown>;
  const prototype = Object.getPrototypeOf(target) as object;
  const types = type ? planOf(type)?.types : undefined;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
    if ((descriptor && !descriptor.set) || target[key] instanceof Function) continue;
    target[key] = copy((value as Record<string, unknown>)[key], types?.get(key));
  }
  return target;
}
