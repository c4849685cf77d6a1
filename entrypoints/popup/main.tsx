import { render } from 'preact';
import { messagesLanguage } from '../../components/i18n';
import { PopupApp } from '../../components/PopupApp';
import '../../components/pages.css';

// The page speaks the language of the messages the browser picked, not the html file's default.
document.documentElement.lang = messagesLanguage();
render(<PopupApp />, document.getElementById('app')!);
