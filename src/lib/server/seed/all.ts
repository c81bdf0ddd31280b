// Every domain's demo seeder, registered by importing its module. Start-up and the CLI import
// this file (not ./index directly) so the demo organization always gets all of its content.
import './demo-quiz';
import '../contest/demo';

export { seedDemo, issueSetupToken } from './index';
