import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import '../../components/pages.css';

render(<PopupApp />, document.getElementById('app')!);
