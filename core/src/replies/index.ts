export { REPLY_VARIABLES, type TReplyValues, type TReplyVariable, renderReply, unknownReplyVariables } from './template';
