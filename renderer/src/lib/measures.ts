// The phrase is shared with the CLI and the report; see shared/measures.ts.
export { measuresText } from '../../../shared/measures';
