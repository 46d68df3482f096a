/** What the customer is told about the satisfaction survey, zh and en side by side. */
export const CSAT_TEXT = {
  question: {
    zh: '本次服务已结束，请为我们的服务打个分吧：1～5 分（5 分最满意），直接回复数字就可以～',
    en: 'This conversation is closed. How satisfied were you with our service? Reply with a number from 1 to 5 (5 = very satisfied).',
  },
  thanks: (score: number) => ({
    zh: score >= 4 ? `收到您的 ${score} 分评价，谢谢您的支持！有需要随时找我们～` : `收到您的 ${score} 分评价，很抱歉这次没让您满意，我们会认真改进。还有什么可以帮您的吗？`,
    en:
      score >= 4
        ? `Thank you for rating us ${score}/5! We are here whenever you need us.`
        : `Thank you for rating us ${score}/5. We are sorry we fell short this time and will do better. Is there anything else I can help with?`,
  }),
};

/** The CSAT question offers these as quick replies. */
export const CSAT_SUGGESTIONS = ['1', '2', '3', '4', '5'];
