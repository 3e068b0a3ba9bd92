export { FleetFilters, SEARCH_DEBOUNCE_MS } from './FleetFilters';
