import { render } from 'preact';
import { PackSummary } from '../../components/PackSummary';

render(<PackSummary locale={navigator.language} />, document.getElementById('app')!);
