package jp.kodoku.platform.membership.api;

/** Query: the application behind an applicant's private link ({@code accessTokenHash} is the SHA-256 of its token). */
public record FindApplicationByAccessToken(String accessTokenHash) {
}
