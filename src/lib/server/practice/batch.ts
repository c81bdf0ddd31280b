export { createBatcher } from '../db/group-commit';
