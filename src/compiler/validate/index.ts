export { validateApp } from './validate-app';
export { VALIDATION_CODES, type ValidationCode } from './codes';
