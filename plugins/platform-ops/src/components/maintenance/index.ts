export { EntityMaintenanceCard } from './EntityMaintenanceCard';
