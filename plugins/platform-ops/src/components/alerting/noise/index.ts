export { AlertNoise } from './AlertNoise';
