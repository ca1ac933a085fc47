export { MaintenanceCalendar } from './MaintenanceCalendar';
