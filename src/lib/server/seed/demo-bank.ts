/**
 * The demo question bank: labour and trade-union law, every question with an explanation and a
 * citation. Facts come only from /work/shared/DOMAIN.md (articles as passed). Where that file
 * names no article (the pension condition of the Social Insurance Law 2024), the citation gives
 * the document and its number only rather than guess an article.
 */
import type { Citation, Difficulty, PointsMultiplier, Question } from '../../quiz/question';

const LABOUR_CODE = { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14' };
const OSH_LAW = { document: 'Luật An toàn, vệ sinh lao động 2015', number: '84/2015/QH13' };
const UNION_LAW = { document: 'Luật Công đoàn 2024', number: '50/2024/QH15' };
const SOCIAL_INSURANCE_LAW = { document: 'Luật Bảo hiểm xã hội 2024', number: '41/2024/QH15' };

const TAG_LABOUR = 'Bộ luật Lao động';
const TAG_UNION = 'Luật Công đoàn';
const TAG_SOCIAL = 'BHXH';
const TAG_OSH = 'An toàn vệ sinh lao động';

interface Meta {
	explanation: string;
	citation: Citation;
	tags: string[];
	difficulty: Difficulty;
	timeLimitSec?: number;
	points?: PointsMultiplier;
}

function common(text: string, meta: Meta) {
	return {
		text,
		timeLimitSec: meta.timeLimitSec ?? 20,
		points: meta.points ?? 1,
		explanation: meta.explanation,
		citation: meta.citation,
		difficulty: meta.difficulty,
		tags: meta.tags
	};
}

const single = (text: string, options: string[], correct: number, meta: Meta): Question => ({
	type: 'single',
	...common(text, meta),
	options,
	correct
});
const multiple = (text: string, options: string[], correct: number[], meta: Meta): Question => ({
	type: 'multiple',
	...common(text, { timeLimitSec: 30, ...meta }),
	options,
	correct
});
const trueFalse = (text: string, correct: boolean, meta: Meta): Question => ({
	type: 'truefalse',
	...common(text, { timeLimitSec: 15, ...meta }),
	correct
});
const typeAnswer = (text: string, accepted: string[], meta: Meta): Question => ({
	type: 'typeanswer',
	...common(text, { timeLimitSec: 25, ...meta }),
	accepted,
	ignoreDiacritics: true
});
const numeric = (text: string, value: number, unit: string, meta: Meta): Question => ({
	type: 'numeric',
	...common(text, meta),
	value,
	tolerance: 0,
	unit
});
const ordering = (text: string, items: string[], meta: Meta): Question => ({
	type: 'ordering',
	...common(text, { timeLimitSec: 30, ...meta }),
	items
});

const labour = (
	article: string,
	explanation: string,
	difficulty: Difficulty,
	extra: Partial<Meta> = {}
): Meta => ({
	explanation,
	citation: { ...LABOUR_CODE, article },
	tags: [TAG_LABOUR],
	difficulty,
	...extra
});

const HOURS =
	'Thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày và không quá 48 giờ trong 01 tuần; nếu quy định theo tuần thì không quá 10 giờ trong 01 ngày. Nhà nước khuyến khích thực hiện tuần làm việc 40 giờ.';
const NIGHT = 'Giờ làm việc vào ban đêm được tính từ 22 giờ đến 06 giờ sáng ngày hôm sau.';
const OVERTIME =
	'Số giờ làm thêm không quá 50% số giờ làm việc bình thường trong 01 ngày, không quá 40 giờ trong 01 tháng và không quá 200 giờ trong 01 năm; một số ngành, nghề, công việc theo quy định được làm thêm không quá 300 giờ trong 01 năm.';
const OVERTIME_PAY =
	'Làm thêm giờ được trả lương ít nhất bằng 150% vào ngày thường, 200% vào ngày nghỉ hằng tuần và 300% vào ngày nghỉ lễ, tết, ngày nghỉ có hưởng lương (chưa kể tiền lương ngày lễ, tết); làm việc vào ban đêm được trả thêm ít nhất 30%.';
const BREAK =
	'Người làm việc từ 06 giờ trở lên trong một ngày được nghỉ giữa giờ liên tục ít nhất 30 phút; nếu làm việc vào ban đêm thì ít nhất 45 phút.';
const SHIFT =
	'Người làm việc theo ca được nghỉ ít nhất 12 giờ trước khi chuyển sang ca làm việc khác.';
const HOLIDAYS =
	'Người lao động được nghỉ 11 ngày lễ, tết hưởng nguyên lương: Tết Dương lịch 01 ngày (01/01), Tết Âm lịch 05 ngày, Ngày Chiến thắng 01 ngày (30/4), Ngày Quốc tế lao động 01 ngày (01/5), Quốc khánh 02 ngày (02/9 và 01 ngày liền kề) và Giỗ Tổ Hùng Vương 01 ngày (10/3 âm lịch).';
const ANNUAL =
	'Người làm việc đủ 12 tháng cho một người sử dụng lao động được nghỉ hằng năm 12 ngày làm việc (công việc bình thường), 14 ngày (người chưa thành niên, người khuyết tật, công việc nặng nhọc, độc hại, nguy hiểm) hoặc 16 ngày (công việc đặc biệt nặng nhọc, độc hại, nguy hiểm).';
const SENIORITY =
	'Cứ đủ 05 năm làm việc cho một người sử dụng lao động thì số ngày nghỉ hằng năm được tăng thêm tương ứng 01 ngày.';
const PERSONAL =
	'Người lao động được nghỉ việc riêng hưởng nguyên lương: kết hôn 03 ngày; con đẻ, con nuôi kết hôn 01 ngày; cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, cha mẹ của vợ hoặc chồng, vợ hoặc chồng, con đẻ, con nuôi chết 03 ngày.';
const PROBATION =
	'Thời gian thử việc không quá 180 ngày (người quản lý doanh nghiệp), 60 ngày (trình độ cao đẳng trở lên), 30 ngày (trình độ trung cấp, công nhân kỹ thuật, nhân viên nghiệp vụ), 06 ngày làm việc (công việc khác); chỉ được thử việc 01 lần đối với một công việc.';
const PROBATION_PAY =
	'Tiền lương trong thời gian thử việc do hai bên thỏa thuận nhưng ít nhất bằng 85% mức lương của công việc đó.';
const NOTICE =
	'Người lao động đơn phương chấm dứt hợp đồng phải báo trước ít nhất 45 ngày (hợp đồng không xác định thời hạn), 30 ngày (hợp đồng từ 12 tháng đến 36 tháng) hoặc 03 ngày làm việc (hợp đồng dưới 12 tháng).';
const SEVERANCE =
	'Người lao động đã làm việc thường xuyên từ đủ 12 tháng trở lên được trợ cấp thôi việc, mỗi năm làm việc được trợ cấp một nửa tháng tiền lương.';
const MATERNITY =
	'Lao động nữ được nghỉ thai sản trước và sau khi sinh con 06 tháng, thời gian nghỉ trước khi sinh không quá 02 tháng; sinh đôi trở lên thì từ con thứ 02 trở đi, cứ mỗi con được nghỉ thêm 01 tháng.';
const RETIREMENT =
	'Tuổi nghỉ hưu trong điều kiện lao động bình thường được điều chỉnh theo lộ trình cho đến khi đủ 62 tuổi đối với lao động nam vào năm 2028 và đủ 60 tuổi đối với lao động nữ vào năm 2035.';
const HEALTH_CHECK =
	'Hằng năm, người sử dụng lao động phải tổ chức khám sức khỏe ít nhất 01 lần cho người lao động; người làm nghề, công việc nặng nhọc, độc hại, nguy hiểm, người khuyết tật, người chưa thành niên, người cao tuổi được khám ít nhất 06 tháng một lần.';
const FOREIGN_MEMBER =
	'Người lao động là người nước ngoài làm việc tại Việt Nam theo hợp đồng lao động có thời hạn từ 12 tháng trở lên được gia nhập công đoàn cơ sở.';
const PENSION =
	'Luật Bảo hiểm xã hội 2024 (có hiệu lực từ 01/7/2025) cho phép người lao động đủ tuổi nghỉ hưu hưởng lương hưu khi có từ đủ 15 năm đóng bảo hiểm xã hội bắt buộc, thay vì 20 năm như trước.';

const osh = (explanation: string, difficulty: Difficulty, extra: Partial<Meta> = {}): Meta => ({
	explanation,
	citation: { ...OSH_LAW, article: 'Điều 21' },
	tags: [TAG_OSH],
	difficulty,
	...extra
});
const union = (difficulty: Difficulty, extra: Partial<Meta> = {}): Meta => ({
	explanation: FOREIGN_MEMBER,
	citation: { ...UNION_LAW, article: 'Điều 5' },
	tags: [TAG_UNION],
	difficulty,
	...extra
});
const social = (difficulty: Difficulty, extra: Partial<Meta> = {}): Meta => ({
	explanation: PENSION,
	citation: { ...SOCIAL_INSURANCE_LAW },
	tags: [TAG_SOCIAL],
	difficulty,
	...extra
});

const questions: Question[] = [
	// Điều 105 – thời giờ làm việc bình thường
	single(
		'Thời giờ làm việc bình thường không quá bao nhiêu giờ trong 01 ngày?',
		['6 giờ', '8 giờ', '10 giờ', '12 giờ'],
		1,
		labour('Điều 105', HOURS, 'easy', { timeLimitSec: 15 })
	),
	numeric(
		'Thời giờ làm việc bình thường không quá bao nhiêu giờ trong 01 tuần?',
		48,
		'giờ',
		labour('Điều 105', HOURS, 'easy')
	),
	trueFalse(
		'Khi người sử dụng lao động quy định thời giờ làm việc theo tuần, thời giờ làm việc bình thường không quá 10 giờ trong 01 ngày.',
		true,
		labour('Điều 105', HOURS, 'medium')
	),
	trueFalse(
		'Nhà nước khuyến khích người sử dụng lao động thực hiện tuần làm việc 40 giờ.',
		true,
		labour('Điều 105', HOURS, 'easy')
	),
	// Điều 106 – làm việc ban đêm
	single(
		'Giờ làm việc vào ban đêm được tính trong khoảng thời gian nào?',
		[
			'Từ 20 giờ đến 04 giờ sáng hôm sau',
			'Từ 21 giờ đến 05 giờ sáng hôm sau',
			'Từ 22 giờ đến 06 giờ sáng hôm sau',
			'Từ 23 giờ đến 07 giờ sáng hôm sau'
		],
		2,
		labour('Điều 106', NIGHT, 'easy')
	),
	typeAnswer(
		'Giờ làm việc vào ban đêm bắt đầu từ mấy giờ? (ghi số giờ)',
		['22 giờ', '22', '22h', 'hai mươi hai giờ'],
		labour('Điều 106', NIGHT, 'medium')
	),
	// Điều 107 – làm thêm giờ
	single(
		'Số giờ làm thêm của người lao động không quá bao nhiêu giờ trong 01 tháng?',
		['30 giờ', '40 giờ', '50 giờ', '60 giờ'],
		1,
		labour('Điều 107', OVERTIME, 'medium')
	),
	numeric(
		'Theo quy định chung, số giờ làm thêm của người lao động không quá bao nhiêu giờ trong 01 năm?',
		200,
		'giờ',
		labour('Điều 107', OVERTIME, 'medium')
	),
	single(
		'Ở một số ngành, nghề, công việc theo quy định, số giờ làm thêm tối đa trong 01 năm là bao nhiêu?',
		['200 giờ', '250 giờ', '300 giờ', '400 giờ'],
		2,
		labour('Điều 107', OVERTIME, 'hard', { points: 2 })
	),
	trueFalse(
		'Số giờ làm thêm không quá 50% số giờ làm việc bình thường trong 01 ngày.',
		true,
		labour('Điều 107', OVERTIME, 'medium')
	),
	// Điều 98 – tiền lương làm thêm giờ, làm việc vào ban đêm
	single(
		'Làm thêm giờ vào ngày thường, người lao động được trả lương ít nhất bằng bao nhiêu?',
		['100%', '130%', '150%', '200%'],
		2,
		labour('Điều 98', OVERTIME_PAY, 'easy')
	),
	single(
		'Làm thêm giờ vào ngày nghỉ hằng tuần, người lao động được trả lương ít nhất bằng bao nhiêu?',
		['150%', '200%', '250%', '300%'],
		1,
		labour('Điều 98', OVERTIME_PAY, 'medium')
	),
	numeric(
		'Làm thêm giờ vào ngày nghỉ lễ, tết, người lao động được trả lương ít nhất bằng bao nhiêu phần trăm (chưa kể tiền lương ngày lễ, tết)?',
		300,
		'%',
		labour('Điều 98', OVERTIME_PAY, 'medium')
	),
	trueFalse(
		'Người lao động làm việc vào ban đêm được trả thêm ít nhất 30% tiền lương so với làm việc vào ban ngày.',
		true,
		labour('Điều 98', OVERTIME_PAY, 'medium')
	),
	ordering(
		'Sắp xếp mức tiền lương làm thêm giờ tối thiểu từ thấp đến cao.',
		[
			'Làm thêm vào ngày thường',
			'Làm thêm vào ngày nghỉ hằng tuần',
			'Làm thêm vào ngày nghỉ lễ, tết'
		],
		labour('Điều 98', OVERTIME_PAY, 'medium')
	),
	// Điều 109 – nghỉ trong giờ làm việc
	single(
		'Người làm việc ban ngày từ 06 giờ trở lên trong một ngày được nghỉ giữa giờ liên tục ít nhất bao nhiêu phút?',
		['15 phút', '20 phút', '30 phút', '45 phút'],
		2,
		labour('Điều 109', BREAK, 'easy')
	),
	single(
		'Người làm việc vào ban đêm từ 06 giờ trở lên trong một ngày được nghỉ giữa giờ liên tục ít nhất bao nhiêu phút?',
		['30 phút', '40 phút', '45 phút', '60 phút'],
		2,
		labour('Điều 109', BREAK, 'hard')
	),
	// Điều 110 – nghỉ chuyển ca
	numeric(
		'Người làm việc theo ca được nghỉ ít nhất bao nhiêu giờ trước khi chuyển sang ca làm việc khác?',
		12,
		'giờ',
		labour('Điều 110', SHIFT, 'medium')
	),
	trueFalse(
		'Người làm việc theo ca chỉ cần được nghỉ 08 giờ trước khi chuyển sang ca làm việc khác.',
		false,
		labour('Điều 110', SHIFT, 'medium')
	),
	// Điều 112 – nghỉ lễ, tết
	numeric(
		'Mỗi năm người lao động được nghỉ làm việc, hưởng nguyên lương tổng cộng bao nhiêu ngày lễ, tết?',
		11,
		'ngày',
		labour('Điều 112', HOLIDAYS, 'medium')
	),
	single(
		'Dịp Tết Âm lịch, người lao động được nghỉ làm việc, hưởng nguyên lương bao nhiêu ngày?',
		['03 ngày', '04 ngày', '05 ngày', '07 ngày'],
		2,
		labour('Điều 112', HOLIDAYS, 'easy')
	),
	single(
		'Dịp Quốc khánh, người lao động được nghỉ làm việc, hưởng nguyên lương bao nhiêu ngày?',
		['01 ngày', '02 ngày', '03 ngày', '04 ngày'],
		1,
		labour('Điều 112', HOLIDAYS, 'easy')
	),
	multiple(
		'Những ngày nào sau đây người lao động được nghỉ làm việc, hưởng nguyên lương?',
		[
			'Tết Dương lịch (01/01)',
			'Ngày Chiến thắng (30/4)',
			'Ngày Quốc tế lao động (01/5)',
			'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
			'Ngày Phụ nữ Việt Nam (20/10)'
		],
		[0, 1, 2, 3],
		labour('Điều 112', HOLIDAYS, 'medium')
	),
	trueFalse(
		'Ngày Giỗ Tổ Hùng Vương (10/3 âm lịch), người lao động được nghỉ 01 ngày hưởng nguyên lương.',
		true,
		labour('Điều 112', HOLIDAYS, 'easy')
	),
	typeAnswer(
		'Ngày Quốc tế lao động, người lao động được nghỉ hưởng nguyên lương, là ngày nào? (ghi ngày/tháng)',
		['1/5', '01/5', '1/05', '01/05', '1 tháng 5', 'mùng 1 tháng 5'],
		labour('Điều 112', HOLIDAYS, 'easy')
	),
	// Điều 113 – nghỉ hằng năm
	single(
		'Người làm việc đủ 12 tháng cho một người sử dụng lao động, làm công việc trong điều kiện bình thường, được nghỉ hằng năm bao nhiêu ngày làm việc?',
		['10 ngày', '12 ngày', '14 ngày', '16 ngày'],
		1,
		labour('Điều 113', ANNUAL, 'easy')
	),
	single(
		'Người lao động chưa thành niên, người khuyết tật, người làm nghề, công việc nặng nhọc, độc hại, nguy hiểm được nghỉ hằng năm bao nhiêu ngày làm việc?',
		['12 ngày', '14 ngày', '16 ngày', '18 ngày'],
		1,
		labour('Điều 113', ANNUAL, 'medium')
	),
	numeric(
		'Người làm nghề, công việc đặc biệt nặng nhọc, độc hại, nguy hiểm được nghỉ hằng năm bao nhiêu ngày làm việc?',
		16,
		'ngày',
		labour('Điều 113', ANNUAL, 'hard', { points: 2 })
	),
	ordering(
		'Sắp xếp số ngày nghỉ hằng năm từ ít đến nhiều.',
		[
			'Công việc trong điều kiện bình thường',
			'Nghề, công việc nặng nhọc, độc hại, nguy hiểm',
			'Nghề, công việc đặc biệt nặng nhọc, độc hại, nguy hiểm'
		],
		labour('Điều 113', ANNUAL, 'medium')
	),
	// Điều 114 – ngày nghỉ hằng năm tăng theo thâm niên
	single(
		'Cứ đủ bao nhiêu năm làm việc cho một người sử dụng lao động thì số ngày nghỉ hằng năm được tăng thêm 01 ngày?',
		['03 năm', '05 năm', '07 năm', '10 năm'],
		1,
		labour('Điều 114', SENIORITY, 'medium')
	),
	numeric(
		'Người làm công việc trong điều kiện bình thường đã làm việc đủ 10 năm cho một người sử dụng lao động được nghỉ hằng năm bao nhiêu ngày làm việc?',
		14,
		'ngày',
		labour(
			'Điều 114',
			`${SENIORITY} Vì vậy 12 ngày cộng thêm 02 ngày cho 10 năm là 14 ngày.`,
			'hard',
			{
				points: 2,
				timeLimitSec: 30
			}
		)
	),
	// Điều 115 – nghỉ việc riêng
	single(
		'Người lao động kết hôn được nghỉ việc riêng hưởng nguyên lương bao nhiêu ngày?',
		['01 ngày', '02 ngày', '03 ngày', '05 ngày'],
		2,
		labour('Điều 115', PERSONAL, 'easy')
	),
	single(
		'Con đẻ, con nuôi kết hôn, người lao động được nghỉ việc riêng hưởng nguyên lương bao nhiêu ngày?',
		['01 ngày', '02 ngày', '03 ngày', 'Không được nghỉ'],
		0,
		labour('Điều 115', PERSONAL, 'medium')
	),
	multiple(
		'Trường hợp nào người lao động được nghỉ việc riêng 03 ngày hưởng nguyên lương?',
		[
			'Bản thân kết hôn',
			'Con đẻ kết hôn',
			'Cha đẻ hoặc mẹ đẻ chết',
			'Vợ hoặc chồng chết',
			'Anh, chị, em ruột kết hôn'
		],
		[0, 2, 3],
		labour('Điều 115', PERSONAL, 'hard')
	),
	// Điều 25 – thời gian thử việc
	single(
		'Thời gian thử việc tối đa đối với công việc của người quản lý doanh nghiệp là bao nhiêu ngày?',
		['30 ngày', '60 ngày', '90 ngày', '180 ngày'],
		3,
		labour('Điều 25', PROBATION, 'medium')
	),
	numeric(
		'Thời gian thử việc tối đa đối với công việc cần trình độ chuyên môn, kỹ thuật từ cao đẳng trở lên là bao nhiêu ngày?',
		60,
		'ngày',
		labour('Điều 25', PROBATION, 'medium')
	),
	single(
		'Thời gian thử việc tối đa đối với công việc cần trình độ trung cấp, công nhân kỹ thuật, nhân viên nghiệp vụ là bao lâu?',
		['06 ngày làm việc', '30 ngày', '45 ngày', '60 ngày'],
		1,
		labour('Điều 25', PROBATION, 'medium')
	),
	trueFalse(
		'Người sử dụng lao động và người lao động được thỏa thuận thử việc hai lần đối với cùng một công việc.',
		false,
		labour('Điều 25', PROBATION, 'medium')
	),
	ordering(
		'Sắp xếp thời gian thử việc tối đa từ dài nhất đến ngắn nhất.',
		[
			'Người quản lý doanh nghiệp',
			'Trình độ cao đẳng trở lên',
			'Trình độ trung cấp, công nhân kỹ thuật, nhân viên nghiệp vụ',
			'Công việc khác'
		],
		labour('Điều 25', PROBATION, 'hard', { points: 2 })
	),
	// Điều 26 – tiền lương thử việc
	single(
		'Tiền lương của người lao động trong thời gian thử việc ít nhất bằng bao nhiêu phần trăm mức lương của công việc đó?',
		['70%', '75%', '85%', '100%'],
		2,
		labour('Điều 26', PROBATION_PAY, 'easy')
	),
	trueFalse(
		'Nếu hai bên đồng ý, tiền lương thử việc có thể thấp hơn 85% mức lương của công việc đó.',
		false,
		labour('Điều 26', PROBATION_PAY, 'medium')
	),
	// Điều 35 – báo trước khi người lao động đơn phương chấm dứt hợp đồng
	single(
		'Người lao động làm việc theo hợp đồng không xác định thời hạn muốn đơn phương chấm dứt hợp đồng phải báo trước ít nhất bao nhiêu ngày?',
		['30 ngày', '45 ngày', '60 ngày', '90 ngày'],
		1,
		labour('Điều 35', NOTICE, 'medium')
	),
	single(
		'Với hợp đồng lao động xác định thời hạn từ 12 tháng đến 36 tháng, người lao động đơn phương chấm dứt hợp đồng phải báo trước ít nhất bao lâu?',
		['03 ngày làm việc', '15 ngày', '30 ngày', '45 ngày'],
		2,
		labour('Điều 35', NOTICE, 'medium')
	),
	numeric(
		'Với hợp đồng lao động xác định thời hạn dưới 12 tháng, người lao động đơn phương chấm dứt hợp đồng phải báo trước ít nhất bao nhiêu ngày làm việc?',
		3,
		'ngày làm việc',
		labour('Điều 35', NOTICE, 'hard')
	),
	ordering(
		'Sắp xếp thời hạn báo trước khi người lao động đơn phương chấm dứt hợp đồng từ dài nhất đến ngắn nhất.',
		[
			'Hợp đồng không xác định thời hạn',
			'Hợp đồng xác định thời hạn từ 12 đến 36 tháng',
			'Hợp đồng xác định thời hạn dưới 12 tháng'
		],
		labour('Điều 35', NOTICE, 'medium')
	),
	// Điều 46 – trợ cấp thôi việc
	single(
		'Trợ cấp thôi việc: mỗi năm làm việc, người lao động được trợ cấp bao nhiêu tiền lương?',
		[
			'Một phần tư tháng tiền lương',
			'Một nửa tháng tiền lương',
			'Một tháng tiền lương',
			'Hai tháng tiền lương'
		],
		1,
		labour('Điều 46', SEVERANCE, 'medium')
	),
	trueFalse(
		'Trợ cấp thôi việc dành cho người lao động đã làm việc thường xuyên từ đủ 12 tháng trở lên.',
		true,
		labour('Điều 46', SEVERANCE, 'medium')
	),
	// Điều 139 – nghỉ thai sản
	single(
		'Lao động nữ được nghỉ thai sản trước và sau khi sinh con bao nhiêu tháng?',
		['04 tháng', '05 tháng', '06 tháng', '07 tháng'],
		2,
		labour('Điều 139', MATERNITY, 'easy', { timeLimitSec: 15 })
	),
	trueFalse(
		'Thời gian nghỉ thai sản trước khi sinh con không quá 02 tháng.',
		true,
		labour('Điều 139', MATERNITY, 'medium')
	),
	numeric(
		'Lao động nữ sinh đôi được nghỉ thai sản tổng cộng bao nhiêu tháng?',
		7,
		'tháng',
		labour(
			'Điều 139',
			`${MATERNITY} Sinh đôi: 06 tháng cộng 01 tháng cho con thứ hai là 07 tháng.`,
			'hard',
			{
				points: 2,
				timeLimitSec: 25
			}
		)
	),
	// Điều 169 – tuổi nghỉ hưu
	single(
		'Theo lộ trình, tuổi nghỉ hưu của lao động nam trong điều kiện lao động bình thường đạt bao nhiêu tuổi vào năm 2028?',
		['60 tuổi', '61 tuổi', '62 tuổi', '65 tuổi'],
		2,
		labour('Điều 169', RETIREMENT, 'medium')
	),
	single(
		'Theo lộ trình, tuổi nghỉ hưu của lao động nữ trong điều kiện lao động bình thường đạt bao nhiêu tuổi vào năm 2035?',
		['55 tuổi', '58 tuổi', '60 tuổi', '62 tuổi'],
		2,
		labour('Điều 169', RETIREMENT, 'medium')
	),
	// Luật An toàn, vệ sinh lao động – Điều 21
	single(
		'Người sử dụng lao động phải tổ chức khám sức khỏe cho người lao động ít nhất bao lâu một lần?',
		['06 tháng một lần', '01 năm một lần', '02 năm một lần', '03 năm một lần'],
		1,
		osh(HEALTH_CHECK, 'easy')
	),
	single(
		'Người làm nghề, công việc nặng nhọc, độc hại, nguy hiểm phải được khám sức khỏe ít nhất bao lâu một lần?',
		['03 tháng một lần', '06 tháng một lần', '12 tháng một lần', '24 tháng một lần'],
		1,
		osh(HEALTH_CHECK, 'medium')
	),
	multiple(
		'Những người lao động nào được khám sức khỏe ít nhất 06 tháng một lần?',
		[
			'Người làm nghề, công việc nặng nhọc, độc hại, nguy hiểm',
			'Người lao động là người khuyết tật',
			'Người lao động chưa thành niên',
			'Người lao động cao tuổi',
			'Người làm việc văn phòng trong điều kiện bình thường'
		],
		[0, 1, 2, 3],
		osh(HEALTH_CHECK, 'hard', { points: 2 })
	),
	// Luật Công đoàn 2024 – Điều 5
	single(
		'Theo Luật Công đoàn 2024, người lao động là người nước ngoài làm việc tại Việt Nam được gia nhập công đoàn cơ sở khi có hợp đồng lao động từ bao nhiêu tháng trở lên?',
		['06 tháng', '09 tháng', '12 tháng', '24 tháng'],
		2,
		union('medium')
	),
	trueFalse(
		'Theo Luật Công đoàn 2024, người lao động nước ngoài làm việc tại Việt Nam theo hợp đồng lao động từ 12 tháng trở lên được gia nhập công đoàn cơ sở.',
		true,
		union('easy')
	),
	typeAnswer(
		'Theo Luật Công đoàn 2024, người lao động nước ngoài cần hợp đồng lao động từ bao nhiêu tháng trở lên để được gia nhập công đoàn cơ sở? (ghi số tháng)',
		['12', '12 tháng', 'mười hai tháng'],
		union('hard')
	),
	// Luật Bảo hiểm xã hội 2024 – điều kiện hưởng lương hưu
	single(
		'Theo Luật Bảo hiểm xã hội 2024, người lao động đủ tuổi nghỉ hưu cần tối thiểu bao nhiêu năm đóng bảo hiểm xã hội bắt buộc để hưởng lương hưu?',
		['10 năm', '15 năm', '20 năm', '25 năm'],
		1,
		social('medium')
	),
	trueFalse(
		'Luật Bảo hiểm xã hội 2024 giảm số năm đóng bảo hiểm xã hội bắt buộc tối thiểu để hưởng lương hưu từ 20 năm xuống 15 năm.',
		true,
		social('medium')
	)
];

export const DEMO_BANK = {
	title: 'Tìm hiểu pháp luật lao động – công đoàn',
	description:
		'Câu hỏi mẫu về Bộ luật Lao động 2019, Luật Công đoàn 2024, Luật Bảo hiểm xã hội 2024 và Luật An toàn, vệ sinh lao động 2015; mỗi câu có giải thích và trích dẫn điều luật.',
	tags: [TAG_LABOUR, TAG_UNION, TAG_SOCIAL, TAG_OSH],
	questions
};
