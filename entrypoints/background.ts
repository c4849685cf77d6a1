import { defineBackground } from 'wxt/utils/define-background';
import { activePackSummary } from '../components/active-pack';

export default defineBackground(() => {
  const summary = activePackSummary();
  console.info(`Preflight: ${summary.name} ${summary.version} active (${summary.rules} rules)`);
});
