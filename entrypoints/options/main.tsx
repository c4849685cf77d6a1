import { render } from 'preact';
import { messagesLanguage } from '../../components/i18n';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/pages.css';

// The page speaks the language of the messages the browser picked, not the html file's default.
document.documentElement.lang = messagesLanguage();
render(<OptionsApp />, document.getElementById('app')!);
