export { EntityScopeCard } from './EntityScopeCard';
