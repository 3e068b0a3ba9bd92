export { ControlRow } from './ControlRow';
