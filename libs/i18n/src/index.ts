export * from './catalogue';
export * from './negotiate';
export { catalogueOf, label, render, t } from './translate';
export * from './formats';
