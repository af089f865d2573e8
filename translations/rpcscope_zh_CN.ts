<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallError</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>deadline-exceeded</source>
        <translation>超过截止时间</translation>
    </message>
    <message>
        <source>max-attempts</source>
        <translation>达到最大尝试次数</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>server-restarted</source>
        <translation>服务器已重启</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>transport</source>
        <translation>传输错误</translation>
    </message>
    <message>
        <source>too-large</source>
        <translation>消息过大</translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <source>fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>full-jitter</source>
        <translation>完全抖动</translation>
    </message>
    <message>
        <source>equal-jitter</source>
        <translation>均等抖动</translation>
    </message>
    <message>
        <source>decorrelated-jitter</source>
        <translation>去相关抖动</translation>
    </message>
    <message>
        <source>adaptive</source>
        <translation>自适应</translation>
    </message>
    <message>
        <source>explicit</source>
        <translation>显式</translation>
    </message>
    <message>
        <source>implicit</source>
        <translation>隐式</translation>
    </message>
    <message>
        <source>bernoulli</source>
        <translation>伯努利（独立）</translation>
    </message>
    <message>
        <source>gilbert</source>
        <translation>吉尔伯特（突发）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>字节和</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>异或 (XOR)</translation>
    </message>
    <message>
        <source>fletcher16</source>
        <translation>Fletcher-16</translation>
    </message>
    <message>
        <source>crc32c</source>
        <translation>CRC-32C</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>有序</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <source>call-start</source>
        <translation>调用开始</translation>
    </message>
    <message>
        <source>send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>deliver</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>duplicated</source>
        <translation>被复制</translation>
    </message>
    <message>
        <source>corrupted</source>
        <translation>被损坏</translation>
    </message>
    <message>
        <source>checksum-fail</source>
        <translation>校验和不符</translation>
    </message>
    <message>
        <source>corrupt-accepted</source>
        <translation>损坏未被发现</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>被重排</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>retransmit</source>
        <translation>重传</translation>
    </message>
    <message>
        <source>ack</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>duplicate-suppressed</source>
        <translation>重复请求被抑制</translation>
    </message>
    <message>
        <source>cached-reply-resent</source>
        <translation>重发缓存的应答</translation>
    </message>
    <message>
        <source>handler-start</source>
        <translation>处理程序开始</translation>
    </message>
    <message>
        <source>handler-end</source>
        <translation>处理程序结束</translation>
    </message>
    <message>
        <source>cache-evict</source>
        <translation>移出缓存</translation>
    </message>
    <message>
        <source>late-reply-dropped</source>
        <translation>迟到的应答被丢弃</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>call-ok</source>
        <translation>调用成功</translation>
    </message>
    <message>
        <source>call-failed</source>
        <translation>调用失败</translation>
    </message>
    <message>
        <source>malformed-dropped</source>
        <translation>格式错误被丢弃</translation>
    </message>
    <message>
        <source>param-change</source>
        <translation>参数更改</translation>
    </message>
    <message>
        <source>stale-dropped</source>
        <translation>过时副本被丢弃</translation>
    </message>
    <message>
        <source>socket-error</source>
        <translation>套接字错误</translation>
    </message>
    <message>
        <source>server-restart</source>
        <translation>服务器重启</translation>
    </message>
    <message>
        <source>fragment-ack</source>
        <translation>分片确认</translation>
    </message>
    <message>
        <source>fragment-duplicate</source>
        <translation>重复分片</translation>
    </message>
    <message>
        <source>reassembled</source>
        <translation>已重组</translation>
    </message>
    <message>
        <source>request-held</source>
        <translation>请求被暂缓</translation>
    </message>
</context>
<context>
    <name>EvictReason</name>
    <message>
        <source>acked</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>age</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>超出容量</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>client%1</source>
        <translation>客户端%1</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Communication is unreliable</source>
        <translation>通信是不可靠的</translation>
    </message>
    <message>
        <source>Networks lose packets: a router or a host runs out of buffer space and drops what does not fit. Here each direction loses datagrams at random, and every ✗ is one that vanished. Move the Loss slider while it runs and count the crosses.</source>
        <translation>网络会丢包：路由器或主机的缓冲区用尽时，会丢弃放不下的数据。这里每个方向都会随机丢失数据报，每个 ✗ 就是一个消失的数据报。运行时拖动丢包率滑块，数一数叉号。</translation>
    </message>
    <message>
        <source>Checksums</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Bits can flip on the way. The sender computes a checksum over the bytes and sends it along; the receiver computes it again and drops the datagram when the two differ, so a damaged datagram becomes a lost one. Switch the checksum to none or to the byte sum and see what gets through.</source>
        <translation>比特可能在途中翻转。发送方对字节计算校验和并一同发送；接收方重新计算，两者不同就丢弃该数据报，于是损坏的数据报就变成了丢失的数据报。把校验和改为无或字节和，看看什么会漏过去。</translation>
    </message>
    <message>
        <source>Acknowledgments</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>How does the sender know the message arrived? The receiver sends a short message back: an acknowledgment. In RPC the reply itself is the acknowledgment of the request.</source>
        <translation>发送方如何知道消息已到达？接收方回发一条简短的消息：确认。在 RPC 中，回复本身就是对请求的确认。</translation>
    </message>
    <message>
        <source>Timeout and retry</source>
        <translation>超时与重试</translation>
    </message>
    <message>
        <source>What if no acknowledgment comes? The sender set a timer when it sent; when the timer goes off it concludes the message was lost and sends it again. Watch the timer bar on the client&apos;s lane run out.</source>
        <translation>如果确认一直不来呢？发送方在发送时设置了计时器；计时器到期时，它断定消息已丢失并重新发送。观察客户端泳道上的计时条走完。</translation>
    </message>
    <message>
        <source>Sequence counters and at-most-once</source>
        <translation>序列计数器与至多一次</translation>
    </message>
    <message>
        <source>Now the reply is lost. To the client this looks exactly like a lost request, so it resends; but the server has already run the call. Because every call carries its number, the server knows the retry is a duplicate and answers from its memory instead of running it twice.</source>
        <translation>这次丢的是回复。在客户端看来，这与请求丢失完全一样，所以它重发；但服务器已经运行过该调用。因为每个调用都带有编号，服务器知道重试是重复的，于是从记忆中作答，而不是运行两次。</translation>
    </message>
    <message>
        <source>Exactly-once is impossible</source>
        <translation>恰好一次是不可能的</translation>
    </message>
    <message>
        <source>The server&apos;s memory of answered calls dies with it. After a crash it cannot know whether it ran a call, so the best it can do is refuse the old retry: the caller learns the call ran at most once, perhaps not at all.</source>
        <translation>服务器对已回答调用的记忆随它一起消失。崩溃之后，它无法知道自己是否运行过某个调用，所以它能做的最好的事就是拒绝旧的重试：调用方得知该调用至多运行了一次，也可能一次也没有。</translation>
    </message>
    <message>
        <source>The timeout value and back-off</source>
        <translation>超时值与退避</translation>
    </message>
    <message>
        <source>Too short a timeout resends needlessly; too long a one waits after every loss. With many clients, loss may mean a busy server, and resending faster makes it worse: each timeout doubles the next one. Try the Back-off and Timeout controls while it runs.</source>
        <translation>超时太短会不必要地重发；太长则每次丢包后都要久等。客户端很多时，丢包可能意味着服务器繁忙，更快地重发只会更糟：每次超时都让下一次加倍。运行时试试退避和超时控件。</translation>
    </message>
    <message>
        <source>Overload</source>
        <translation>过载</translation>
    </message>
    <message>
        <source>A server that receives more than it can take drops what overflows its queue. The clients cannot tell this loss from the network&apos;s; only backing off lets the queue drain.</source>
        <translation>服务器收到的超过其处理能力时，会丢弃溢出队列的部分。客户端无法区分这种丢失与网络丢包；只有退避才能让队列排空。</translation>
    </message>
    <message>
        <source>Stubs, marshalling and byte order</source>
        <translation>存根、编组与字节序</translation>
    </message>
    <message>
        <source>A call looks local because a stub packs its arguments into a message (marshalling) and unpacks the reply. Every RpcScope datagram has a fixed 32-byte header in big-endian byte order — call 7 is the bytes 00 00 00 07 at offset 16 on every machine — and a protobuf body. The stub generator writes such stubs from an ordinary .proto file. The Events tab shows each datagram&apos;s size.</source>
        <translation>调用看起来像本地调用，是因为存根把参数打包进消息（编组）并解包回复。每个 RpcScope 数据报都有一个固定的 32 字节大端序报头——在任何机器上，调用 7 都是偏移 16 处的字节 00 00 00 07——以及一个 protobuf 消息体。存根生成器根据普通的 .proto 文件生成这样的存根。事件标签页显示每个数据报的大小。</translation>
    </message>
    <message>
        <source>Long-running calls</source>
        <translation>长时间运行的调用</translation>
    </message>
    <message>
        <source>A call that takes longer than the timeout would look like a failure. The server acknowledges the request at once, and the client then asks now and then whether the server is still working instead of resending it.</source>
        <translation>耗时超过超时值的调用看起来会像失败。服务器立即确认请求，然后客户端不时询问服务器是否仍在处理，而不是重发请求。</translation>
    </message>
    <message>
        <source>Fragmentation and reassembly</source>
        <translation>分片与重组</translation>
    </message>
    <message>
        <source>Arguments larger than one datagram travel in pieces. The receiver puts them back together and says which pieces it holds, so only the missing ones are sent again.</source>
        <translation>大于一个数据报的参数分片传输。接收方把它们重新拼起来，并告知自己已有哪些分片，因此只需重发缺失的分片。</translation>
    </message>
    <message>
        <source>The end-to-end argument</source>
        <translation>端到端原则</translation>
    </message>
    <message>
        <source>Reliable delivery below is not enough: a file can still be damaged on the disk or in memory. Only a check at the ends — here a SHA-256 of the whole file — tells whether the transfer really worked.</source>
        <translation>下层的可靠传递还不够：文件仍可能在磁盘或内存中损坏。只有在两端进行检查——这里是对整个文件的 SHA-256——才能说明传输是否真正成功。</translation>
    </message>
    <message>
        <source>In-order delivery (homework)</source>
        <translation>按序传递（作业）</translation>
    </message>
    <message>
        <source>Sequence counters can also keep calls in order: the server holds back a call that arrives before an earlier one and runs it when its turn comes.</source>
        <translation>序列计数器也能让调用保持顺序：服务器暂缓在较早调用之前到达的调用，轮到它时再运行。</translation>
    </message>
    <message>
        <source>A short message back that says a message arrived.</source>
        <translation>一条表示消息已到达的简短回复。</translation>
    </message>
    <message>
        <source>The time a sender waits for an answer before it assumes a loss.</source>
        <translation>发送方在认定丢失之前等待应答的时间。</translation>
    </message>
    <message>
        <source>Sending the same message again after a timeout.</source>
        <translation>超时后再次发送同一条消息。</translation>
    </message>
    <message>
        <source>A number each message carries, so the receiver can tell a new message from a duplicate.</source>
        <translation>每条消息携带的编号，使接收方能区分新消息与重复消息。</translation>
    </message>
    <message>
        <source>A call runs once or not at all, however often it is sent.</source>
        <translation>无论发送多少次，调用只运行一次或根本不运行。</translation>
    </message>
    <message>
        <source>A call is retried until it has run, perhaps more than once.</source>
        <translation>调用会被重试直到运行过为止，可能不止一次。</translation>
    </message>
    <message>
        <source>What a caller would like and no system can promise when a server may crash.</source>
        <translation>调用方所希望的、但在服务器可能崩溃时任何系统都无法保证的语义。</translation>
    </message>
    <message>
        <source>An operation that has the same effect run once or many times, so it may safely be retried.</source>
        <translation>执行一次或多次效果都相同的操作，因此可以安全地重试。</translation>
    </message>
    <message>
        <source>The server remembers answered calls and resends the answer to a duplicate instead of running the call again.</source>
        <translation>服务器记住已回答的调用，对重复请求重发答案，而不是再次运行该调用。</translation>
    </message>
    <message>
        <source>A number a server takes anew each time it starts, so retries from before a crash can be recognised.</source>
        <translation>服务器每次启动时重新选取的编号，用以识别崩溃之前发出的重试。</translation>
    </message>
    <message>
        <source>A short value computed over the bytes that shows whether they changed.</source>
        <translation>对字节计算出的简短数值，用于判断它们是否被改动。</translation>
    </message>
    <message>
        <source>Waiting longer after each timeout (doubling it: exponential back-off) so an overloaded server can recover.</source>
        <translation>每次超时后等待更久（加倍：指数退避），让过载的服务器得以恢复。</translation>
    </message>
    <message>
        <source>Calling a function on another machine as if it were local.</source>
        <translation>像调用本地函数一样调用另一台机器上的函数。</translation>
    </message>
    <message>
        <source>Generated code that turns a call into a message and a message back into a call.</source>
        <translation>把调用变成消息、再把消息变回调用的生成代码。</translation>
    </message>
    <message>
        <source>Packing a call&apos;s arguments or results into a message&apos;s bytes.</source>
        <translation>把调用的参数或结果打包成消息的字节。</translation>
    </message>
    <message>
        <source>Which byte of a number comes first; a message format fixes one so every machine reads it alike.</source>
        <translation>数字的哪个字节在前；消息格式固定一种字节序，使每台机器读法一致。</translation>
    </message>
    <message>
        <source>Splitting a large message into datagrams and joining them again.</source>
        <translation>把大消息拆分成多个数据报并重新拼合。</translation>
    </message>
    <message>
        <source>Some guarantees can only be checked by the application at the ends, not by the layers below.</source>
        <translation>有些保证只能由两端的应用来检验，而不能靠下面的各层。</translation>
    </message>
</context>
<context>
    <name>LossCause</name>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>队列已满</translation>
    </message>
    <message>
        <source>scripted</source>
        <translation>脚本设定</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>Moment</name>
    <message>
        <source>Losses</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>a loss</source>
        <translation>一次丢失</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>a timeout</source>
        <translation>一次超时</translation>
    </message>
    <message>
        <source>Retransmissions</source>
        <translation>重传</translation>
    </message>
    <message>
        <source>a retransmission</source>
        <translation>一次重传</translation>
    </message>
    <message>
        <source>Duplicates answered from the cache</source>
        <translation>由缓存应答的重复请求</translation>
    </message>
    <message>
        <source>a duplicate answered from the cache</source>
        <translation>一个由缓存应答的重复请求</translation>
    </message>
    <message>
        <source>Duplicates of running calls, acked</source>
        <translation>正在运行调用的重复请求（已确认）</translation>
    </message>
    <message>
        <source>a duplicate of a running call</source>
        <translation>一个正在运行调用的重复请求</translation>
    </message>
    <message>
        <source>Corruption caught</source>
        <translation>检测到的损坏</translation>
    </message>
    <message>
        <source>corruption caught</source>
        <translation>一次检测到的损坏</translation>
    </message>
    <message>
        <source>Corruption missed</source>
        <translation>漏检的损坏</translation>
    </message>
    <message>
        <source>corruption missed</source>
        <translation>一次漏检的损坏</translation>
    </message>
    <message>
        <source>Requests held back</source>
        <translation>被暂缓的请求</translation>
    </message>
    <message>
        <source>a request held back</source>
        <translation>一个被暂缓的请求</translation>
    </message>
    <message>
        <source>Server restarts</source>
        <translation>服务器重启</translation>
    </message>
    <message>
        <source>a server restart</source>
        <translation>一次服务器重启</translation>
    </message>
    <message>
        <source>Calls failed</source>
        <translation>失败的调用</translation>
    </message>
    <message>
        <source>a failed call</source>
        <translation>一个失败的调用</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>设置变更</translation>
    </message>
    <message>
        <source>a setting changed</source>
        <translation>一次设置变更</translation>
    </message>
</context>
<context>
    <name>Narration</name>
    <message>
        <source>%1 s</source>
        <comment>seconds</comment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>milliseconds</comment>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <extracomment>Two sentences of a narration, one after the other.</extracomment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>byte-sum</source>
        <comment>checksum</comment>
        <translation>字节和</translation>
    </message>
    <message>
        <source>%1 starts call %2 on the %3 service.</source>
        <translation>%1发起调用 %2，调用 %3 服务。</translation>
    </message>
    <message>
        <source>Every datagram of this call carries that number, taken from a sequence counter, so duplicates can be recognised.</source>
        <translation>这个调用的每个数据报都带着这个编号，它取自一个序号计数器，这样重复的数据报就能被认出来。</translation>
    </message>
    <message>
        <source>No reply to call %1 came within %2, but the server has said it is working on the call.</source>
        <translation>在 %2 内没有收到调用 %1 的应答，不过服务器已经说过它正在处理这个调用。</translation>
    </message>
    <message>
        <source>So %1 does not resend it; it asks with a probe how the call is doing.</source>
        <translation>所以%1不重传请求，而是发一个探询，问问调用进展如何。</translation>
    </message>
    <message>
        <source>Only a damaged answer to call %1 came back within %2, so %3&apos;s timer went off.</source>
        <translation>在 %2 内只收到调用 %1 的一个损坏的回复，所以%3的计时器超时了。</translation>
    </message>
    <message>
        <source>No reply to call %1 came back within %2, so %3&apos;s timer went off.</source>
        <translation>在 %2 内没有收到调用 %1 的应答，所以%3的计时器超时了。</translation>
    </message>
    <message>
        <source>Attempt %1 was the last one allowed, so the call fails, although the server did run it: only the answers were lost.</source>
        <translation>第 %1 次尝试已是允许的最后一次，所以调用失败了，尽管服务器确实执行了它：丢失的只是回复。</translation>
    </message>
    <message>
        <source>Attempt %1 was the last one allowed, so the call fails; %2 cannot know whether the server ran it.</source>
        <translation>第 %1 次尝试已是允许的最后一次，所以调用失败；%2无法知道服务器是否执行过它。</translation>
    </message>
    <message>
        <source>It cannot tell that its request was lost rather than the reply, so it sends call %1 again.</source>
        <translation>它分辨不出丢的是请求而不是应答，所以再次发送调用 %1。</translation>
    </message>
    <message>
        <source>It cannot tell that its request arrived damaged and was dropped, so it sends call %1 again.</source>
        <translation>它不知道自己的请求到达时已经损坏并被丢弃，所以再次发送调用 %1。</translation>
    </message>
    <message>
        <source>It cannot tell that the server has already run the call and only the reply was lost, so it sends call %1 again.</source>
        <translation>它不知道服务器其实已经执行了调用、丢的只是应答，所以再次发送调用 %1。</translation>
    </message>
    <message>
        <source>It cannot tell a lost request from a lost reply, so it sends call %1 again.</source>
        <translation>它无法区分请求丢失和应答丢失，所以再次发送调用 %1。</translation>
    </message>
    <message>
        <source>%1 sends a probe for call %2: the server has said it is working on it, so it only asks how it is doing instead of resending the request.</source>
        <translation>%1为调用 %2 发送探询：服务器说过它正在处理，所以客户端只询问进展，而不重传请求。</translation>
    </message>
    <message>
        <source>%1 retries: it sends call %2 again as attempt %3, with the same call id, so the server can recognise it as a duplicate.</source>
        <translation>%1重试：它以第 %3 次尝试再次发送调用 %2，调用编号不变，这样服务器就能认出这是重复请求。</translation>
    </message>
    <message>
        <source>It waits the same fixed time before any further retry.</source>
        <translation>之后每次重试前，它都等待同样固定的时间。</translation>
    </message>
    <message>
        <source>With exponential back-off it waits longer before each further retry, so a loaded server is not flooded with resends.</source>
        <translation>采用指数退避，之后每次重试前等待的时间越来越长，这样就不会用重传淹没已经繁忙的服务器。</translation>
    </message>
    <message>
        <source>It backs off by a random amount before each further retry, so clients that lost datagrams together do not retry together.</source>
        <translation>之后每次重试前，它都随机退避一段时间，这样同时丢包的客户端就不会同时重试。</translation>
    </message>
    <message>
        <source>Its timeout comes from the round-trip times it has measured, doubled for each retry (exponential back-off).</source>
        <translation>它的超时时间根据测得的往返时间 (RTT) 计算，每重试一次就加倍（指数退避）。</translation>
    </message>
    <message>
        <source>Call %1 completed after %2 on the first attempt.</source>
        <translation>调用 %1 在第一次尝试时就完成了，用时 %2。</translation>
    </message>
    <message>
        <source>The server had said it was working, so %1 waited instead of resending.</source>
        <translation>服务器说过它正在处理，所以%1一直等待，没有重传。</translation>
    </message>
    <message>
        <source>Call %1 completed after %2 and %3 attempts.</source>
        <translation>调用 %1 完成，用时 %2，共尝试 %3 次。</translation>
    </message>
    <message>
        <source>The server ran it only once: the retry was answered from its reply cache.</source>
        <translation>服务器只执行了一次：重试是用它应答缓存中的应答来回复的。</translation>
    </message>
    <message>
        <source>The server ran it exactly once, however many copies of the request reached it.</source>
        <translation>无论收到多少份请求副本，服务器都只执行了一次。</translation>
    </message>
    <message>
        <source>The server did run it; only the answers were lost, so a failed call does not mean nothing happened.</source>
        <translation>服务器确实执行了它；丢失的只是回复，所以调用失败并不等于什么都没发生。</translation>
    </message>
    <message>
        <source>%1 cannot know whether the server ran it.</source>
        <translation>%1无法知道服务器是否执行过它。</translation>
    </message>
    <message>
        <source>Call %1 failed: no answer came within its deadline of %2.</source>
        <translation>调用 %1 失败：在 %2 的截止时间内没有收到回复。</translation>
    </message>
    <message>
        <source>Call %1 failed: none of its %2 attempts got an answer.</source>
        <translation>调用 %1 失败：%2 次尝试都没有得到回复。</translation>
    </message>
    <message>
        <source>Call %1 failed: the server answered with an error instead of a result.</source>
        <translation>调用 %1 失败：服务器回复了一个错误，而不是结果。</translation>
    </message>
    <message>
        <source>Call %1 failed: its reply is larger than %2 is willing to reassemble.</source>
        <translation>调用 %1 失败：它的应答超出了%2愿意重组的大小。</translation>
    </message>
    <message>
        <source>Call %1 failed: the server restarted, so the call may or may not have run.</source>
        <translation>调用 %1 失败：服务器重启了，所以这个调用可能执行过，也可能没有。</translation>
    </message>
    <message>
        <source>Call %1 was cancelled by the caller before it completed.</source>
        <translation>调用 %1 在完成之前被调用方取消了。</translation>
    </message>
    <message>
        <source>Call %1 failed: the local socket could not send or receive.</source>
        <translation>调用 %1 失败：本地套接字无法发送或接收。</translation>
    </message>
    <message>
        <source>Call %1 failed.</source>
        <translation>调用 %1 失败。</translation>
    </message>
    <message>
        <source>%1 acknowledged the reply to call %2.</source>
        <translation>%1确认了调用 %2 的应答。</translation>
    </message>
    <message>
        <source>The server no longer needs to keep it for a resend.</source>
        <translation>服务器不必再为重发而保留它了。</translation>
    </message>
    <message>
        <source>The server acknowledged the request for call %1, so %2 knows it arrived and stops resending it.</source>
        <translation>服务器确认了调用 %1 的请求，所以%2知道请求已经送达，不再重传。</translation>
    </message>
    <message>
        <source>From now on its timer only triggers a probe if the reply is slow.</source>
        <translation>从现在起，如果应答迟迟不来，它的计时器只会触发探询。</translation>
    </message>
    <message>
        <source>The server says call %1 is still running (a long-running call), so %2 stops resending the request.</source>
        <translation>服务器说调用 %1 仍在执行（这是一个长时间运行的调用），所以%2停止重传请求。</translation>
    </message>
    <message>
        <source>Its timer now only triggers a probe every %1 to ask how the call is doing.</source>
        <translation>现在它的计时器每隔 %1 只触发一次探询，询问调用的进展。</translation>
    </message>
    <message>
        <source>The server&apos;s ack for call %1 arrived after the call had ended, so %2 ignores it.</source>
        <translation>服务器对调用 %1 的确认在调用结束后才到达，所以%2忽略它。</translation>
    </message>
    <message>
        <source>The server&apos;s &quot;working&quot; message for call %1 arrived after the call had ended, so %2 ignores it.</source>
        <translation>服务器关于调用 %1 的“处理中”消息在调用结束后才到达，所以%2忽略它。</translation>
    </message>
    <message>
        <source>%1 already has the result of call %2, so this extra reply (a duplicate, or the answer to an earlier attempt) is dropped.</source>
        <translation>%1已经拿到了调用 %2 的结果，所以这个多余的应答（重复的副本，或对早先某次尝试的回复）被丢弃。</translation>
    </message>
    <message>
        <source>Call %1 had already failed at %2 when this reply arrived, so it is dropped: the call did run, but too late to be used.</source>
        <translation>这个应答到达时，调用 %1 已在 %2 失败，所以它被丢弃：调用确实执行了，只是结果来得太晚，用不上了。</translation>
    </message>
    <message>
        <source>A reply for call %1 arrived after the call had ended, so %2 drops it.</source>
        <translation>调用 %1 的一个应答在调用结束后才到达，所以%2丢弃它。</translation>
    </message>
    <message>
        <source>%1 sends fragment %2 of the request for call %3.</source>
        <translation>%1发送调用 %3 请求的第 %2 个分片。</translation>
    </message>
    <message>
        <source>The request is too large for one datagram, so it goes in pieces that the server puts back together.</source>
        <translation>请求太大，一个数据报放不下，所以分成几片发送，由服务器重新拼起来。</translation>
    </message>
    <message>
        <source>%1 sends fragment %2 of call %3 again (round %4): the server has not acknowledged it, and only the missing fragments are resent.</source>
        <translation>%1再次发送调用 %3 的第 %2 个分片（第 %4 轮）：服务器还没有确认它，只有缺失的分片才会重发。</translation>
    </message>
    <message>
        <source>The server sends fragment %1 of the reply to call %2.</source>
        <translation>服务器发送调用 %2 应答的第 %1 个分片。</translation>
    </message>
    <message>
        <source>%1 acknowledges the fragments it holds, so only lost ones are sent again.</source>
        <translation>%1会确认已收到的分片，所以只有丢失的分片才会重发。</translation>
    </message>
    <message>
        <source>The server sends fragment %1 of the reply to call %2 again (round %3): %4 said it was missing.</source>
        <translation>服务器再次发送调用 %2 应答的第 %1 个分片（第 %3 轮）：%4说缺了这一片。</translation>
    </message>
    <message>
        <source>The server sends a selective ack for call %1: it lists the fragments of the request it holds, so %2 resends only the missing ones.</source>
        <translation>服务器为调用 %1 发送选择性确认：列出它已收到的请求分片，这样%2只重发缺失的分片。</translation>
    </message>
    <message>
        <source>%1 sends a selective ack for the reply to call %2: it lists the fragments it holds, so the server resends only the missing ones.</source>
        <translation>%1为调用 %2 的应答发送选择性确认：列出它已收到的分片，这样服务器只重发缺失的分片。</translation>
    </message>
    <message>
        <source>%1 sends the request for call %2 to the server.</source>
        <translation>%1向服务器发送调用 %2 的请求。</translation>
    </message>
    <message>
        <source>It keeps a copy and sets a timer, so it can retry if no answer comes back in time.</source>
        <translation>它保留一份副本并设置计时器，如果没有及时收到回复就可以重试。</translation>
    </message>
    <message>
        <source>%1 sends the request for call %2 again, as attempt %3, because its timer ran out.</source>
        <translation>因为计时器超时，%1以第 %3 次尝试再次发送调用 %2 的请求。</translation>
    </message>
    <message>
        <source>%1 sends a probe for call %2: it asks whether the server is still working on it, instead of resending the whole request.</source>
        <translation>%1为调用 %2 发送探询：询问服务器是否仍在处理，而不是重传整个请求。</translation>
    </message>
    <message>
        <source>The server sends the reply to call %1 again, from its reply cache.</source>
        <translation>服务器从应答缓存中再次发送调用 %1 的应答。</translation>
    </message>
    <message>
        <source>The server sends the reply to call %1. It keeps a copy in its reply cache until %2 acknowledges it.</source>
        <translation>服务器发送调用 %1 的应答，并在应答缓存中保留一份副本，直到%2确认为止。</translation>
    </message>
    <message>
        <source>The server sends the reply to call %1. The reply itself tells %2 the request arrived, and a copy stays in the reply cache in case it is lost.</source>
        <translation>服务器发送调用 %1 的应答。应答本身就告诉%2请求已经送达；应答缓存中还留着一份副本，以防应答丢失。</translation>
    </message>
    <message>
        <source>%1 acknowledges the reply to call %2 again: the server sent the reply again, so the first ack may have been lost.</source>
        <translation>%1再次确认调用 %2 的应答：服务器又发了一次应答，说明第一次的确认可能丢了。</translation>
    </message>
    <message>
        <source>%1 acknowledges the reply to call %2, so the server can drop it from its reply cache.</source>
        <translation>%1确认调用 %2 的应答，这样服务器就可以把它从应答缓存中删除。</translation>
    </message>
    <message>
        <source>The server acknowledges call %1 again: the request is a duplicate of a call it is still running.</source>
        <translation>服务器再次确认调用 %1：这个请求是它仍在执行的调用的重复副本。</translation>
    </message>
    <message>
        <source>The server acknowledges the request for call %1 at once, before it has a reply, so %2 can stop resending it.</source>
        <translation>服务器在应答准备好之前就立即确认调用 %1 的请求，这样%2就可以停止重传。</translation>
    </message>
    <message>
        <source>The server tells %1 that call %2 is still running (a &quot;working&quot; message), so it should stop resending the request and only probe from time to time.</source>
        <translation>服务器告诉%1调用 %2 仍在执行（“处理中”消息），所以客户端应当停止重传请求，只需时不时地探询。</translation>
    </message>
    <message>
        <source>The server sends an error answer for call %1 instead of a reply.</source>
        <translation>服务器为调用 %1 发送了一个错误回复，而不是应答。</translation>
    </message>
    <message>
        <source>%1 sends a %2 datagram to %3.</source>
        <translation>%1向%3发送一个 %2 数据报。</translation>
    </message>
    <message>
        <source>A damaged %1 datagram of call %2 reaches %3.</source>
        <translation>调用 %2 的一个损坏的 %1 数据报到达%3。</translation>
    </message>
    <message>
        <source>This session uses no checksum, so the receiver will most likely take it as good.</source>
        <translation>本次会话没有使用校验和，所以接收方很可能把它当作完好的数据。</translation>
    </message>
    <message>
        <source>Whether anyone notices depends on the %1 checksum.</source>
        <translation>能否发现，取决于 %1 校验和。</translation>
    </message>
    <message>
        <source>A second copy of that %1 datagram of call %2 reaches %3: the network duplicated it.</source>
        <translation>调用 %2 的那个 %1 数据报的第二份副本到达%3：网络把它复制了。</translation>
    </message>
    <message>
        <source>Fragment %1 of the request for call %2 reaches the server.</source>
        <translation>调用 %2 请求的第 %1 个分片到达服务器。</translation>
    </message>
    <message>
        <source>Fragment %1 of the reply to call %2 reaches %3.</source>
        <translation>调用 %2 应答的第 %1 个分片到达%3。</translation>
    </message>
    <message>
        <source>The selective ack for call %1 reaches %2.</source>
        <translation>调用 %1 的选择性确认到达%2。</translation>
    </message>
    <message>
        <source>The request for call %1 reaches the server.</source>
        <translation>调用 %1 的请求到达服务器。</translation>
    </message>
    <message>
        <source>Attempt %1 of call %2 reaches the server, which has already run call %2.</source>
        <translation>调用 %2 的第 %1 次尝试到达服务器，而服务器已经执行过调用 %2。</translation>
    </message>
    <message>
        <source>Attempt %1 of call %2 reaches the server, which is still running call %2.</source>
        <translation>调用 %2 的第 %1 次尝试到达服务器，而服务器仍在执行调用 %2。</translation>
    </message>
    <message>
        <source>Attempt %1 of call %2 reaches the server.</source>
        <translation>调用 %2 的第 %1 次尝试到达服务器。</translation>
    </message>
    <message>
        <source>Attempt 1 was lost, so this is the first the server hears of the call.</source>
        <translation>第 1 次尝试丢失了，所以服务器这是第一次听说这个调用。</translation>
    </message>
    <message>
        <source>Attempt 1 arrived damaged and was dropped, so this is the first intact copy the server sees.</source>
        <translation>第 1 次尝试到达时已损坏并被丢弃，所以这是服务器看到的第一份完好副本。</translation>
    </message>
    <message>
        <source>All the earlier attempts were lost, so this is the first the server hears of the call.</source>
        <translation>之前的尝试全部丢失了，所以服务器这是第一次听说这个调用。</translation>
    </message>
    <message>
        <source>The earlier attempts were lost or damaged on the way, so this is the first intact copy the server sees.</source>
        <translation>之前的尝试在途中丢失或损坏了，所以这是服务器看到的第一份完好副本。</translation>
    </message>
    <message>
        <source>The probe for call %1 reaches the server.</source>
        <translation>调用 %1 的探询到达服务器。</translation>
    </message>
    <message>
        <source>Another copy of the reply to call %1 reaches %2, after the call has already ended.</source>
        <translation>调用 %1 应答的另一份副本到达%2，而此时调用已经结束。</translation>
    </message>
    <message>
        <source>The reply to call %1 reaches %2.</source>
        <translation>调用 %1 的应答到达%2。</translation>
    </message>
    <message>
        <source>The ack of the reply to call %1 reaches the server.</source>
        <translation>对调用 %1 应答的确认到达服务器。</translation>
    </message>
    <message>
        <source>The server&apos;s ack for call %1 reaches %2.</source>
        <translation>服务器对调用 %1 的确认到达%2。</translation>
    </message>
    <message>
        <source>The server&apos;s &quot;working&quot; message for call %1 reaches %2.</source>
        <translation>服务器关于调用 %1 的“处理中”消息到达%2。</translation>
    </message>
    <message>
        <source>The server&apos;s error answer for call %1 reaches %2.</source>
        <translation>服务器对调用 %1 的错误回复到达%2。</translation>
    </message>
    <message>
        <source>A %1 datagram reaches %2.</source>
        <translation>一个 %1 数据报到达%2。</translation>
    </message>
    <message>
        <source>The link to %1 was congested: its queue was full, so the network dropped this %2 datagram of call %3.</source>
        <translation>通往%1的链路发生拥塞：队列已满，所以网络丢弃了调用 %3 的这个 %2 数据报。</translation>
    </message>
    <message>
        <source>The server was too busy: its receive queue was full, so this %1 datagram of call %2 was dropped on arrival.</source>
        <translation>服务器太忙了：它的接收队列已满，所以调用 %2 的这个 %1 数据报一到达就被丢弃。</translation>
    </message>
    <message>
        <source>Loss at the server is a sign of overload. Resending at once adds to it; backing off (longer timeouts after each try, with jitter) lets the server catch up.</source>
        <translation>服务器端丢包是过载的信号。立即重传只会雪上加霜；退避（每次尝试后延长超时，并加入抖动）才能让服务器缓过来。</translation>
    </message>
    <message>
        <source>Fragment %1 of the %2 of call %3 was lost.</source>
        <translation>调用 %3 %2的第 %1 个分片丢失了。</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>The receiver&apos;s selective ack will show the gap, and only this fragment is sent again, not the whole message.</source>
        <translation>接收方的选择性确认会显示出这个缺口，于是只重发这一个分片，而不是整条消息。</translation>
    </message>
    <message>
        <source>A selective ack for call %1 was lost.</source>
        <translation>调用 %1 的一个选择性确认丢失了。</translation>
    </message>
    <message>
        <source>The next one repeats everything it said, so nothing is lost for good; at worst a fragment is resent that was not needed.</source>
        <translation>下一个选择性确认会重复它所说的全部内容，所以什么都不会永久丢失；最坏的情况只是多重发了一个不必要的分片。</translation>
    </message>
    <message>
        <source>The reply to call %1 was lost.</source>
        <translation>调用 %1 的应答丢失了。</translation>
    </message>
    <message>
        <source>The call has already ended at %1, so nothing more needs to happen.</source>
        <translation>调用已在 %1 结束，所以不需要再做什么了。</translation>
    </message>
    <message>
        <source>%1 knows the server has the call, so when its timer runs out it will ask for the result with a probe instead of sending the call again.</source>
        <translation>%1知道服务器已经收到了这个调用，所以计时器超时后，它会用探询来索取结果，而不是再次发送调用。</translation>
    </message>
    <message>
        <source>To %1 this looks exactly like a lost request, so it will time out and send call %2 again.</source>
        <translation>在%1看来，这和请求丢失一模一样，所以它会超时并再次发送调用 %2。</translation>
    </message>
    <message>
        <source>The request for call %1 was lost.</source>
        <translation>调用 %1 的请求丢失了。</translation>
    </message>
    <message>
        <source>Attempt %1 of call %2 was lost.</source>
        <translation>调用 %2 的第 %1 次尝试丢失了。</translation>
    </message>
    <message>
        <source>It was the last attempt %1 may make, so the call will fail when the timer runs out.</source>
        <translation>这是%1允许的最后一次尝试，所以计时器超时后调用就会失败。</translation>
    </message>
    <message>
        <source>Nobody tells %1; only when its timer runs out will it send call %2 again.</source>
        <translation>没有人会通知%1；只有等计时器超时，它才会再次发送调用 %2。</translation>
    </message>
    <message>
        <source>The server&apos;s ack for call %1 was lost.</source>
        <translation>服务器对调用 %1 的确认丢失了。</translation>
    </message>
    <message>
        <source>%1&apos;s timer keeps running, so it may send call %2 again; the server will recognise the duplicate.</source>
        <translation>%1的计时器仍在运行，所以它可能再次发送调用 %2；服务器会认出这个重复请求。</translation>
    </message>
    <message>
        <source>%1&apos;s ack of the reply to call %2 was lost.</source>
        <translation>%1对调用 %2 应答的确认丢失了。</translation>
    </message>
    <message>
        <source>The server keeps the reply in its cache until a later request acknowledges it or it grows too old.</source>
        <translation>服务器会把应答留在缓存中，直到后续请求确认了它，或者它存放得太久。</translation>
    </message>
    <message>
        <source>The server&apos;s &quot;working&quot; message for call %1 was lost.</source>
        <translation>服务器关于调用 %1 的“处理中”消息丢失了。</translation>
    </message>
    <message>
        <source>%1&apos;s timer keeps running, so it may send call %2 again; the server will not run it twice.</source>
        <translation>%1的计时器仍在运行，所以它可能再次发送调用 %2；服务器不会把它执行两次。</translation>
    </message>
    <message>
        <source>%1&apos;s probe for call %2 was lost.</source>
        <translation>%1对调用 %2 的探询丢失了。</translation>
    </message>
    <message>
        <source>When its timer runs out again it will send another probe.</source>
        <translation>等计时器再次超时，它会再发一个探询。</translation>
    </message>
    <message>
        <source>The server&apos;s error answer for call %1 was lost.</source>
        <translation>服务器对调用 %1 的错误回复丢失了。</translation>
    </message>
    <message>
        <source>%1 will time out and ask again, and get the same answer.</source>
        <translation>%1会超时并再问一次，得到的回复还是一样。</translation>
    </message>
    <message>
        <source>A %1 datagram of call %2 was lost.</source>
        <translation>调用 %2 的一个 %1 数据报丢失了。</translation>
    </message>
    <message>
        <source>The sender is not told; only a timeout can reveal it.</source>
        <translation>发送方不会得到通知；只有超时才能暴露这一点。</translation>
    </message>
    <message>
        <source>The network delivers the request for call %1 twice.</source>
        <translation>网络把调用 %1 的请求送达了两次。</translation>
    </message>
    <message>
        <source>The server must recognise the second copy by its call id and not run the call again.</source>
        <translation>服务器必须凭调用编号认出第二份副本，不能再执行一次调用。</translation>
    </message>
    <message>
        <source>The network delivers the reply to call %1 twice.</source>
        <translation>网络把调用 %1 的应答送达了两次。</translation>
    </message>
    <message>
        <source>%1 uses the first copy and drops the second as a late reply.</source>
        <translation>%1使用第一份副本，把第二份当作迟到的应答丢弃。</translation>
    </message>
    <message>
        <source>The network delivers this %1 datagram of call %2 twice.</source>
        <translation>网络把调用 %2 的这个 %1 数据报送达了两次。</translation>
    </message>
    <message>
        <source>The extra copy does no harm: the receiver recognises it by its call id.</source>
        <translation>多出的副本没有害处：接收方凭调用编号就能认出它。</translation>
    </message>
    <message>
        <source>The network damaged the bytes of this %1 datagram of call %2 on the way to %3.</source>
        <translation>在发往%3的途中，网络损坏了调用 %2 这个 %1 数据报的内容。</translation>
    </message>
    <message>
        <source>This session uses no checksum, so the receiver has no way to notice.</source>
        <translation>本次会话没有使用校验和，所以接收方无从察觉。</translation>
    </message>
    <message>
        <source>The receiver&apos;s CRC-32C checksum will almost certainly notice.</source>
        <translation>接收方的 CRC-32C 校验和几乎一定能发现。</translation>
    </message>
    <message>
        <source>The receiver&apos;s %1 checksum may or may not notice: it is a weak one.</source>
        <translation>接收方的 %1 校验和不一定能发现：它是一种弱校验。</translation>
    </message>
    <message>
        <source>The network held back this %1 datagram of call %2, so datagrams sent after it will reach %3 first.</source>
        <translation>网络扣留了调用 %2 的这个 %1 数据报，所以在它之后发送的数据报会先到达%3。</translation>
    </message>
    <message>
        <source>Each datagram names its call, so arriving out of order confuses neither side.</source>
        <translation>每个数据报都标明了所属的调用，所以乱序到达不会让任何一方混淆。</translation>
    </message>
    <message>
        <source>Checking at the receiving end is the end-to-end argument at work: the damaged datagram now counts as lost, and timeout and retry repair it like any loss.</source>
        <translation>在接收端做检查，正是端到端原则的体现：损坏的数据报现在算作丢失，超时和重试会像处理任何丢包一样把它补上。</translation>
    </message>
    <message>
        <source>This session uses no checksum, but the damage hit the empty checksum field itself, so %1 dropped the datagram.</source>
        <translation>本次会话没有使用校验和，但损坏恰好落在空的校验和字段上，所以%1丢弃了这个数据报。</translation>
    </message>
    <message>
        <source>The %1 checksum at %2 caught a damaged datagram and dropped it.</source>
        <translation>%2的 %1 校验和发现了一个损坏的数据报并将其丢弃。</translation>
    </message>
    <message>
        <source>The %1 checksum at the server caught a damaged request for call %2 and dropped it.</source>
        <translation>服务器的 %1 校验和发现调用 %2 的请求已损坏，并将其丢弃。</translation>
    </message>
    <message>
        <source>The %1 checksum at %2 caught a damaged reply to call %3 and dropped it.</source>
        <translation>%2的 %1 校验和发现调用 %3 的应答已损坏，并将其丢弃。</translation>
    </message>
    <message>
        <source>The %1 checksum at %2 caught a damaged %3 datagram of call %4 and dropped it.</source>
        <translation>%2的 %1 校验和发现调用 %4 的一个 %3 数据报已损坏，并将其丢弃。</translation>
    </message>
    <message>
        <source>A damaged %1 datagram of call %2 was accepted at %3 as if it were good: this session uses no checksum.</source>
        <translation>调用 %2 的一个损坏的 %1 数据报被%3当作完好的接受了：本次会话没有使用校验和。</translation>
    </message>
    <message>
        <source>By the end-to-end argument only a check at the ends could have caught it; choose a checksum such as CRC-32C.</source>
        <translation>按照端到端原则，只有在两端做检查才能发现它；请选择一种校验和，例如 CRC-32C。</translation>
    </message>
    <message>
        <source>A damaged %1 datagram of call %2 passed the CRC-32C checksum at %3 and was accepted as if it were good.</source>
        <translation>调用 %2 的一个损坏的 %1 数据报通过了%3的 CRC-32C 校验，被当作完好的接受了。</translation>
    </message>
    <message>
        <source>Even CRC-32C misses a tiny fraction of damage; by the end-to-end argument an application that must be sure adds its own check at the ends.</source>
        <translation>即使是 CRC-32C 也会漏掉极少量的损坏；按照端到端原则，必须确保正确的应用程序要在两端加上自己的校验。</translation>
    </message>
    <message>
        <source>A damaged %1 datagram of call %2 passed the %3 checksum at %4 and was accepted as if it were good.</source>
        <translation>调用 %2 的一个损坏的 %1 数据报通过了%4的 %3 校验，被当作完好的接受了。</translation>
    </message>
    <message>
        <source>A weak checksum lets some damage through; by the end-to-end argument only a strong check at the ends, such as CRC-32C, can be relied on.</source>
        <translation>弱校验和会放过一些损坏；按照端到端原则，只有在两端做强校验（例如 CRC-32C）才靠得住。</translation>
    </message>
    <message>
        <source>The network damaged it on the way; to the sender this is the same as a loss.</source>
        <translation>网络在途中损坏了它；对发送方来说，这和丢包是一样的。</translation>
    </message>
    <message>
        <source>%1 dropped a datagram addressed to another client.</source>
        <translation>%1丢弃了一个发给其他客户端的数据报。</translation>
    </message>
    <message>
        <source>%1 dropped a datagram of a kind it never expects to receive, such as a request arriving at a client.</source>
        <translation>%1丢弃了一个它根本不该收到的类型的数据报，比如发到客户端的请求。</translation>
    </message>
    <message>
        <source>The server dropped a request for call %1 whose ack-below number is above its own call id: no real client sends that.</source>
        <translation>服务器丢弃了调用 %1 的一个请求，它的“已确认编号”比自身的调用编号还大：真正的客户端不会发出这样的请求。</translation>
    </message>
    <message>
        <source>The server dropped a fragment of call %1: it already holds as many half-assembled messages as its limits allow. The client will send it again later.</source>
        <translation>服务器丢弃了调用 %1 的一个分片：它手上未重组完成的消息已经达到上限。客户端稍后会再发送它。</translation>
    </message>
    <message>
        <source>%1 dropped a fragment or selective ack of call %2 that does not fit the message it claims to belong to.</source>
        <translation>%1丢弃了调用 %2 的一个分片或选择性确认，它与其声称所属的消息对不上。</translation>
    </message>
    <message>
        <source>%1 dropped a datagram protected by a checksum, though this session uses none.</source>
        <translation>%1丢弃了一个带校验和的数据报，而本次会话并没有使用校验和。</translation>
    </message>
    <message>
        <source>%1 dropped a datagram protected by a different checksum than this session&apos;s %2.</source>
        <translation>%1丢弃了一个数据报，它使用的校验和与本次会话的 %2 不同。</translation>
    </message>
    <message>
        <source>%1 dropped a datagram of call %2 whose body does not decode.</source>
        <translation>%1丢弃了调用 %2 的一个数据报，其内容无法解码。</translation>
    </message>
    <message>
        <source>%1 dropped a damaged datagram whose header no longer makes sense (%2).</source>
        <translation>%1丢弃了一个损坏的数据报，它的报头已经没有意义（%2）。</translation>
    </message>
    <message>
        <source>The damage was caught before the checksum was even checked; to the sender it is the same as a loss.</source>
        <translation>还没来得及检查校验和，损坏就被发现了；对发送方来说，这和丢包是一样的。</translation>
    </message>
    <message>
        <source>%1 dropped a datagram that is not valid (%2).</source>
        <translation>%1丢弃了一个无效的数据报（%2）。</translation>
    </message>
    <message>
        <source>A bad datagram is counted and dropped, never trusted.</source>
        <translation>坏的数据报会被计数并丢弃，绝不会被信任。</translation>
    </message>
    <message>
        <source>Another copy of call %1 reached the server while the call is still running, so the server does not run it again.</source>
        <translation>调用 %1 的另一份副本在调用仍在执行时到达服务器，所以服务器不会再执行一次。</translation>
    </message>
    <message>
        <source>It acknowledges the request once more so %1 stops resending.</source>
        <translation>它再确认一次请求，好让%1停止重传。</translation>
    </message>
    <message>
        <source>It tells %1 that the call is still running, so %1 stops resending and waits.</source>
        <translation>它告诉%1调用仍在执行，于是%1停止重传，耐心等待。</translation>
    </message>
    <message>
        <source>Call %1 has finished, so the server answers the probe from %2 with the reply it cached; the call is not run again.</source>
        <translation>调用 %1 已经完成，所以服务器用缓存的应答回复%2的探询；调用不会再执行一次。</translation>
    </message>
    <message>
        <source>The server has already run call %1, so it resends the reply it cached instead of adding to the counter a second time: at-most-once.</source>
        <translation>服务器已经执行过调用 %1，所以它重发缓存的应答，而不是再给计数器加一次：至多一次。</translation>
    </message>
    <message>
        <source>The server has already run call %1, so it resends the reply it cached instead of running it twice: at-most-once.</source>
        <translation>服务器已经执行过调用 %1，所以它重发缓存的应答，而不是执行两次：至多一次。</translation>
    </message>
    <message>
        <source>The server runs call %1: the counter service adds to its total.</source>
        <translation>服务器执行调用 %1：计数器服务把数值加到总数上。</translation>
    </message>
    <message>
        <source>Adding is not idempotent, so the server remembers the call in its reply cache: a duplicate request must not add a second time.</source>
        <translation>加法不是幂等的，所以服务器把这个调用记在应答缓存里：重复的请求绝不能再加一次。</translation>
    </message>
    <message>
        <source>The server runs call %1 on the %2 service.</source>
        <translation>服务器在 %2 服务上执行调用 %1。</translation>
    </message>
    <message>
        <source>It remembers the call in its reply cache, so a duplicate request will not run it again.</source>
        <translation>它把这个调用记在应答缓存里，所以重复的请求不会让它再执行一次。</translation>
    </message>
    <message>
        <source>The handler for call %1 finished with an error (%2).</source>
        <translation>调用 %1 的处理程序以错误结束（%2）。</translation>
    </message>
    <message>
        <source>The server caches this answer like any reply and sends it, so a resend will not run the call again.</source>
        <translation>服务器像对待任何应答一样缓存并发送这个回复，所以重传不会让调用再执行一次。</translation>
    </message>
    <message>
        <source>The counter service has added to its total for call %1.</source>
        <translation>计数器服务已为调用 %1 累加了总数。</translation>
    </message>
    <message>
        <source>The handler for call %1 has finished.</source>
        <translation>调用 %1 的处理程序已完成。</translation>
    </message>
    <message>
        <source>The server keeps the reply in its reply cache until %1 acknowledges it, and sends it.</source>
        <translation>服务器把应答保存在应答缓存中，直到%1确认为止，并把它发送出去。</translation>
    </message>
    <message>
        <source>The server keeps the reply in its reply cache, in case it is lost and the call is resent, and sends it.</source>
        <translation>服务器把应答保存在应答缓存中，以防它丢失、调用被重传，并把它发送出去。</translation>
    </message>
    <message>
        <source>The server removes the reply to call %1 from its reply cache: %2 has acknowledged it.</source>
        <translation>服务器把调用 %1 的应答从应答缓存中删除：%2已经确认了它。</translation>
    </message>
    <message>
        <source>The server removes the reply to call %1 from its reply cache: a later request from %2 showed that it already has the reply.</source>
        <translation>服务器把调用 %1 的应答从应答缓存中删除：%2后来的一个请求表明它已经收到了应答。</translation>
    </message>
    <message>
        <source>The reply to call %1 stayed in the server&apos;s cache longer than its age limit of %2, so the server dropped it.</source>
        <translation>调用 %1 的应答在服务器缓存中存放的时间超过了 %2 的期限，所以服务器把它删除了。</translation>
    </message>
    <message>
        <source>The reply cache was over its byte limit, so the server dropped its oldest reply, the one to call %1.</source>
        <translation>应答缓存超出了字节上限，所以服务器删除了最旧的应答，也就是调用 %1 的应答。</translation>
    </message>
    <message>
        <source>If call %1 is asked about again, the server will answer that the reply is gone rather than run the call a second time.</source>
        <translation>如果再有人询问调用 %1，服务器会回答应答已经不在了，而不是再执行一次调用。</translation>
    </message>
    <message>
        <source>The server removes the reply to call %1 from its reply cache.</source>
        <translation>服务器把调用 %1 的应答从应答缓存中删除。</translation>
    </message>
    <message>
        <source>The server refused call %1 because it is too busy: a limit on calls in progress or on clients was reached, and it answers with an error instead of growing without bound.</source>
        <translation>服务器拒绝了调用 %1，因为它太忙了：正在进行的调用数或客户端数已达上限，它宁可回复错误，也不无限制地增长。</translation>
    </message>
    <message>
        <source>The server refused call %1: the request is larger than its size limit.</source>
        <translation>服务器拒绝了调用 %1：请求超过了它的大小上限。</translation>
    </message>
    <message>
        <source>The server refused call %1: %2 addressed an earlier incarnation of the server, so the call may or may not have run before the restart.</source>
        <translation>服务器拒绝了调用 %1：%2发给的是重启之前的服务器，所以这个调用在重启前可能执行过，也可能没有。</translation>
    </message>
    <message>
        <source>The server has no record of call %1, which %2 asked about, so it answers with an error.</source>
        <translation>%2询问的调用 %1 在服务器上没有任何记录，所以服务器回复一个错误。</translation>
    </message>
    <message>
        <source>Call %1 already ran, but its reply has left the server&apos;s cache, so the server answers with an error rather than run the call again: at-most-once.</source>
        <translation>调用 %1 已经执行过，但它的应答已不在服务器缓存中，所以服务器回复错误，而不是再执行一次：至多一次。</translation>
    </message>
    <message>
        <source>The server refused call %1 (%2).</source>
        <translation>服务器拒绝了调用 %1（%2）。</translation>
    </message>
    <message>
        <source>A late copy of call %1 reached the server after %2 had already acknowledged its reply, so the server drops it.</source>
        <translation>调用 %1 的一份迟到副本在%2已经确认其应答之后才到达服务器，所以服务器丢弃它。</translation>
    </message>
    <message>
        <source>%1&apos;s sequence counter has moved past this call, so the server knows the copy is stale and does not run it again.</source>
        <translation>%1的序号计数器已经越过了这个调用，所以服务器知道这份副本已经过时，不会再执行它。</translation>
    </message>
    <message>
        <source>A setting was changed live: %1.</source>
        <translation>运行中修改了一项设置：%1。</translation>
    </message>
    <message>
        <source>Calls in flight follow the new value from their next datagram or timer on.</source>
        <translation>在途的调用从下一个数据报或下一次计时起采用新值。</translation>
    </message>
    <message>
        <source>The protocol treats it like a lost datagram; timeout and retry cover it.</source>
        <translation>协议把它当作丢失的数据报处理；超时和重试会弥补它。</translation>
    </message>
    <message>
        <source>The socket of %1 reports that nobody is listening at the other end (an ICMP &quot;port unreachable&quot;).</source>
        <translation>%1的套接字报告对端没有人在监听（ICMP“端口不可达”）。</translation>
    </message>
    <message>
        <source>Sending from %1 to %2 failed: the socket reported %3.</source>
        <translation>从%1发往%2失败：套接字报告 %3。</translation>
    </message>
    <message>
        <source>The socket of %1 reported an error: %2.</source>
        <translation>%1的套接字报告了一个错误：%2。</translation>
    </message>
    <message>
        <source>The server crashes and restarts with a new epoch (%1). Its reply cache, the memory that made at-most-once work, is gone.</source>
        <translation>服务器崩溃并以新纪元（%1）重启。它的应答缓存，也就是实现至多一次语义的那份记忆，已经没有了。</translation>
    </message>
    <message>
        <source>A call it was running may or may not have finished; a client that resends it will be told the server restarted instead of having it run again.</source>
        <translation>它当时正在执行的调用可能完成了，也可能没有；重传这个调用的客户端会被告知服务器已重启，而不会让调用再执行一次。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1 tells the server it holds %2 fragments of the reply to call %3; the server sends the missing ones again.</source>
        <translation>%1告诉服务器它已收到调用 %3 应答的 %2 个分片；服务器重发缺失的分片。</translation>
    </message>
    <message>
        <source>The server holds all %1 fragments of call %2&apos;s request, so %3 stops sending them.</source>
        <translation>服务器已收齐调用 %2 请求的全部 %1 个分片，所以%3停止发送。</translation>
    </message>
    <message>
        <source>The server holds %1 fragments of call %2&apos;s request; %3 sends only the missing ones again, at once, without waiting for its timer.</source>
        <translation>服务器已收到调用 %2 请求的 %1 个分片；%3立即只重发缺失的分片，不必等计时器超时。</translation>
    </message>
    <message>
        <source>%1 already had this fragment of call %2 and drops the copy: a selective ack was lost or a resend crossed it on the way.</source>
        <translation>%1已经有调用 %2 的这个分片了，于是丢弃这份副本：可能是某个选择性确认丢失了，或者重发的分片与它在途中交错而过。</translation>
    </message>
    <message>
        <source>the reply to call %1</source>
        <translation>调用 %1 的应答</translation>
    </message>
    <message>
        <source>the request for call %1</source>
        <translation>调用 %1 的请求</translation>
    </message>
    <message>
        <source>The last missing fragment has arrived: %1 puts %2 back together from its %3 fragments (%4 bytes).</source>
        <translation>最后一个缺失的分片到了：%1用 %3 个分片重新拼出%2（%4 字节）。</translation>
    </message>
    <message>
        <source>Something happened that this version cannot describe (event %1).</source>
        <translation>发生了本版本无法描述的事件（事件 %1）。</translation>
    </message>
    <message>
        <source>Should %1 still resend it, the server&apos;s sequence counter for %1 shows the call is not new, and the server refuses it rather than run it again.</source>
        <translation>如果%1仍然重发它，服务器为%1记下的序号计数器表明这个调用不是新的，服务器会拒绝它，而不是再执行一次。</translation>
    </message>
    <message>
        <source>The server no longer remembers call %1: its answer left the cache by age. %2&apos;s sequence counter shows the call is not new, so the server refuses it rather than run it a second time: at-most-once, whatever the client&apos;s deadline.</source>
        <translation>服务器已经不再记得调用 %1：它的应答因为过期离开了缓存。%2的序号计数器表明这个调用不是新的，所以服务器拒绝它，而不是第二次执行它：至多一次，无论客户端的截止时间有多长。</translation>
    </message>
    <message>
        <source>Call %1 reached the server before call %2 had run. %3 asked for its calls in order, so the server holds call %1 back.</source>
        <translation>调用 %1 在调用 %2 运行之前就到达了服务器。%3 要求按顺序执行其调用，因此服务器暂缓调用 %1。</translation>
    </message>
    <message>
        <source>It acks the request like a running call, so %1 probes instead of resending, and runs it once every earlier call has run or been given up.</source>
        <translation>服务器像对待正在运行的调用一样确认该请求，于是%1改为探询而不是重发；待之前的每个调用都已运行或被放弃后，再运行它。</translation>
    </message>
    <message>
        <source>The network delivered the calls out of order; the server runs them in the order they were made.</source>
        <translation>网络乱序投递了这些调用；服务器按它们发出的顺序运行。</translation>
    </message>
    <message>
        <source>%1 gave up on call %2, so the server waits for it no longer: it takes call %3 out of its hold-back queue and runs it.</source>
        <translation>%1放弃了调用 %2，因此服务器不再等待它：服务器把调用 %3 从暂缓队列中取出并运行它。</translation>
    </message>
    <message>
        <source>Call %1 has run, so call %2 is next: the server takes it out of its hold-back queue and runs it.</source>
        <translation>调用 %1 已运行，轮到调用 %2：服务器把它从暂缓队列中取出并运行它。</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>Message plus acknowledgment (Fig. 48.3)</source>
        <translation>消息加确认（图 48.3）</translation>
    </message>
    <message>
        <source>One call with explicit acks: the server acknowledges the request as soon as it arrives, runs the handler, and sends the reply; the client acknowledges the reply so the server can forget it.</source>
        <translation>一次使用显式确认的调用：请求一到，服务器就立即确认，然后运行处理程序并发送应答；客户端再确认这个应答，服务器就可以把它忘掉了。</translation>
    </message>
    <message>
        <source>Dropped request (Fig. 48.4)</source>
        <translation>请求丢失（图 48.4）</translation>
    </message>
    <message>
        <source>The network loses the first request. The client hears nothing, its timer expires, and it sends the request again; the second attempt gets through.</source>
        <translation>网络丢掉了第一个请求。客户端什么也没收到，计时器超时，于是再次发送请求；第二次尝试成功送达。</translation>
    </message>
    <message>
        <source>Dropped reply (Fig. 48.5)</source>
        <translation>应答丢失（图 48.5）</translation>
    </message>
    <message>
        <source>The server runs the call and replies, but the reply is lost. To the client this looks exactly like a lost request, so it resends. The server recognises the call and resends its cached reply instead of adding to the counter a second time: at-most-once.</source>
        <translation>服务器执行了调用并发出应答，但应答丢失了。在客户端看来，这和请求丢失一模一样，所以它重传请求。服务器认出这是同一个调用，于是重发缓存的应答，而不是再给计数器加一次：这就是至多一次语义。</translation>
    </message>
    <message>
        <source>Long-running call</source>
        <translation>长时间运行的调用</translation>
    </message>
    <message>
        <source>The handler takes 650 ms, far longer than the 200 ms timeout. Instead of letting the client resend again and again, the server says it is still working; the client stops resending the request and only asks, now and then, whether the call is done.</source>
        <translation>处理程序需要 650 毫秒，远远超过 200 毫秒的超时时间。服务器不让客户端一遍又一遍地重传，而是告诉它“仍在处理”；客户端于是停止重传请求，只是时不时地询问调用是否完成。</translation>
    </message>
    <message>
        <source>Server restart</source>
        <translation>服务器重启</translation>
    </message>
    <message>
        <source>The server crashes while it runs call 2 and comes back with an empty reply cache and a new epoch. The client&apos;s resend of call 2 names the old epoch, so the new server refuses it rather than run it a second time: the call may or may not have run. Call 3 goes through.</source>
        <translation>服务器在执行调用 2 时崩溃，重启后应答缓存是空的，纪元也换了新的。客户端重传的调用 2 带着旧纪元，所以新服务器拒绝它，而不是再执行一次：这个调用可能执行过，也可能没有。调用 3 正常完成。</translation>
    </message>
    <message>
        <source>Corruption and checksums</source>
        <translation>数据损坏与校验和</translation>
    </message>
    <message>
        <source>100 calls with a fifth of all datagrams damaged on the way. With CRC-32C every damaged datagram is caught and resent; choose the sum or XOR checksum to watch damaged datagrams slip through and corrupt the counter: the end-to-end argument.</source>
        <translation>100 次调用，途中有五分之一的数据报被损坏。使用 CRC-32C 时，每个损坏的数据报都会被发现并重传；选择字节和或异或校验和，就能看到损坏的数据报蒙混过关、把计数器弄错：这就是端到端原则。</translation>
    </message>
    <message>
        <source>Random loss</source>
        <translation>随机丢包</translation>
    </message>
    <message>
        <source>200 calls to the counter with 20 % of datagrams lost each way (or whatever --loss says): timeouts, retries and suppressed duplicates at scale.</source>
        <translation>对计数器发起 200 次调用，每个方向丢失 20 % 的数据报（或按 --loss 的设定）：大规模地观察超时、重试和被抑制的重复请求。</translation>
    </message>
    <message>
        <source>Many clients and back-off</source>
        <translation>多客户端与退避</translation>
    </message>
    <message>
        <source>20 clients share one server over a lossy, jittery network, backing off with full jitter so their retries spread out instead of arriving together.</source>
        <translation>20 个客户端通过一个会丢包、有抖动的网络共用一台服务器，它们使用完全抖动退避，让重试分散开来，而不是同时到达。</translation>
    </message>
    <message>
        <source>Fragmentation and reassembly</source>
        <translation>分片与重组</translation>
    </message>
    <message>
        <source>A 6,000-byte request and its 6,000-byte reply are too large for one datagram, so each goes as five fragments. One request fragment and one reply fragment are lost; the receiver&apos;s selective ack lists what it holds, and only the missing fragment is sent again, not the whole message.</source>
        <translation>6000 字节的请求和 6000 字节的应答都放不进一个数据报，所以各自拆成五个分片发送。一个请求分片和一个应答分片丢失了；接收方用选择性确认列出已收到的分片，于是只重发缺失的那个分片，而不是整条消息。</translation>
    </message>
    <message>
        <source>File transfer with an end-to-end check</source>
        <translation>带端到端校验的文件传输</translation>
    </message>
    <message>
        <source>A 4 MiB file goes to the server in 64 KiB chunks over a link that loses 5 % of datagrams. Every chunk is fragmented, acked selectively and resent in part; at the end the server hashes the whole file and compares it with the sender&apos;s SHA-256. Choose checksum none and add corruption to see the end-to-end check catch what the transport let through.</source>
        <translation>一个 4 MiB 的文件以 64 KiB 为一块发送到服务器，链路会丢失 5 % 的数据报。每一块都被分片、选择性确认并部分重传；最后服务器对整个文件计算哈希，与发送方的 SHA-256 比较。把校验和设为“无”并加入损坏，就能看到端到端校验抓住了传输层放过的错误。</translation>
    </message>
    <message>
        <source>Overload and back-off</source>
        <translation>过载与退避</translation>
    </message>
    <message>
        <source>40 clients keep three calls each in flight against a server that can take in 1,000 datagrams a second. With a fixed 30 ms timeout every slow answer brings another copy, the server&apos;s queue overflows and drops most of them, and many calls run out of attempts. Switch the back-off to full jitter while it runs: the resends thin out, the server catches up and every call completes.</source>
        <translation>40 个客户端各保持三个在途调用，而服务器每秒只能接收 1000 个数据报。使用固定的 30 毫秒超时，每个慢一点的回复都会招来又一份副本，服务器队列溢出并丢掉其中大部分，许多调用用完了尝试次数。在运行中把退避策略切换为完全抖动：重传变得稀疏，服务器缓过来，所有调用都能完成。</translation>
    </message>
    <message>
        <source>How a request and its reply are each acknowledged, so both ends know when to stop resending and when to forget.</source>
        <translation>请求及其应答如何各自被确认，使双方都知道何时停止重发、何时可以遗忘。</translation>
    </message>
    <message>
        <source>Which ack tells the server it may drop its copy of the reply?
What would the client do if the request&apos;s ack never came?
When is an explicit ack worth its extra datagram, and when does the reply serve as one?</source>
        <translation>哪个确认告诉服务器它可以丢弃应答的副本？
如果请求的确认一直没有到达，客户端会怎么做？
什么时候值得为显式确认多发一个数据报，什么时候应答本身就可充当确认？</translation>
    </message>
    <message>
        <source>A lost request is noticed only by its absence: the client&apos;s timer, not the network, says something went wrong.</source>
        <translation>丢失的请求只能通过“没有回音”被发现：告诉我们出了问题的是客户端的计时器，而不是网络。</translation>
    </message>
    <message>
        <source>How does the client know the request was lost?
What should the timeout be, compared with a round trip?
Did the server run the call more than once here?</source>
        <translation>客户端如何知道请求丢失了？
与一次往返时间相比，超时应设为多长？
这里服务器是否执行了不止一次调用？</translation>
    </message>
    <message>
        <source>A lost reply looks to the client exactly like a lost request; the server&apos;s memory of answered calls is what keeps a retry from running the call twice (at-most-once).</source>
        <translation>在客户端看来，丢失的应答与丢失的请求完全一样；正是服务器对已应答调用的记忆，防止重试把调用执行两次（至多一次）。</translation>
    </message>
    <message>
        <source>From where the client stands, can it tell this apart from a dropped request?
What would happen to the counter if the server had no reply cache?
When may the server forget the reply it keeps?</source>
        <translation>从客户端的角度，它能把这种情况与丢失请求区分开吗？
如果服务器没有应答缓存，计数器会怎样？
服务器何时可以忘掉它保存的应答？</translation>
    </message>
    <message>
        <source>A call longer than the timeout is not a failure: the server says it is still working, and the client probes instead of resending the request.</source>
        <translation>比超时更长的调用并不是失败：服务器告知它仍在处理，客户端改为探询，而不是重发请求。</translation>
    </message>
    <message>
        <source>What would happen without the working notice?
Why probe at all, instead of simply waiting?
How would you choose the time between probes?</source>
        <translation>如果没有 working 通知会发生什么？
为什么要探询，而不是干脆等待？
你会如何选择探询的间隔？</translation>
    </message>
    <message>
        <source>After a crash the server cannot know which calls it ran; an epoch lets it refuse old retries rather than run them twice, so the client learns the call may or may not have run.</source>
        <translation>崩溃之后，服务器无法知道自己执行过哪些调用；纪元（epoch）让它拒绝旧的重试而不是执行两次，于是客户端得知该调用可能执行过，也可能没有。</translation>
    </message>
    <message>
        <source>Why refuse call 2&apos;s retry rather than run it?
What can the client tell its caller about call 2?
Which calls could safely be run again after a restart?</source>
        <translation>为什么拒绝调用 2 的重试，而不是执行它？
客户端能告诉它的调用者关于调用 2 的什么信息？
哪些调用在重启后可以安全地再次执行？</translation>
    </message>
    <message>
        <source>Checksums catch damage, but weak ones let some through; only a check at the ends of the whole transfer proves the data arrived intact.</source>
        <translation>校验和能发现损坏，但弱校验和会漏掉一些；只有在整个传输两端进行的检查才能证明数据完好到达。</translation>
    </message>
    <message>
        <source>Which checksum let damaged datagrams through, and why?
Where must a check sit to guarantee what the application receives?
What does a stronger checksum cost?</source>
        <translation>哪种校验和让损坏的数据报通过了，为什么？
检查必须放在哪里，才能保证应用收到的数据正确？
更强的校验和代价是什么？</translation>
    </message>
    <message>
        <source>At scale, loss shows as timeouts, retries and duplicates answered from the cache, and as a long tail in latency.</source>
        <translation>在规模上，丢包表现为超时、重试和由缓存应答的重复请求，以及延迟的长尾。</translation>
    </message>
    <message>
        <source>Why is the 99th percentile so much longer than the median?
How many duplicates reached the server, and how many ran?
What happens to the tail if you raise the loss?</source>
        <translation>为什么第 99 百分位比中位数长得多？
有多少重复请求到达服务器，又有多少被执行？
提高丢包率后，长尾会怎样？</translation>
    </message>
    <message>
        <source>Clients that back off with jitter spread their retries out instead of arriving together and overwhelming the server.</source>
        <translation>带抖动退避的客户端会把重试分散开，而不是同时到达、压垮服务器。</translation>
    </message>
    <message>
        <source>What would happen if every client retried at the same moment?
Compare fixed, exponential and full-jitter back-off: which finishes first?
Why add randomness at all?</source>
        <translation>如果每个客户端都在同一时刻重试会怎样？
比较固定、指数和全抖动退避：哪个最先完成？
为什么要加入随机性？</translation>
    </message>
    <message>
        <source>A message larger than a datagram travels in fragments; a selective ack lets the receiver ask for just the missing pieces.</source>
        <translation>大于一个数据报的消息以分片传输；选择性确认让接收方只请求缺失的分片。</translation>
    </message>
    <message>
        <source>Why not resend the whole message when one fragment is lost?
How does the sender learn which fragments arrived?
What sets the largest fragment size?</source>
        <translation>丢失一个分片时，为什么不重发整条消息？
发送方如何得知哪些分片已到达？
最大分片大小由什么决定？</translation>
    </message>
    <message>
        <source>Reliable chunks are not enough: only the receiver&apos;s hash of the whole file, compared with the sender&apos;s, shows the transfer is correct end to end.</source>
        <translation>可靠的数据块还不够：只有接收方对整个文件的哈希与发送方的一致，才能证明传输端到端正确。</translation>
    </message>
    <message>
        <source>Which check would catch a bug in the receiver&apos;s disk code?
What happens with checksum none and some corruption?
How does the chunk size change the goodput under loss?</source>
        <translation>哪种检查能发现接收方磁盘代码中的错误？
校验和设为 none 并加入一些损坏会怎样？
在丢包下，块大小如何影响有效吞吐？</translation>
    </message>
    <message>
        <source>Retries that come too fast feed an overloaded server more work than it can take; back-off with jitter drains the queue and lets every call complete.</source>
        <translation>过快的重试给过载的服务器送去超出其承受能力的工作；带抖动的退避清空队列，让每个调用都能完成。</translation>
    </message>
    <message>
        <source>Why does a short fixed timeout make overload worse?
Watch the counter tracks: what happens to drops and resends after switching to full jitter?
How could the server help clients back off?</source>
        <translation>为什么短的固定超时会让过载更严重？
观察计数轨道：切换到全抖动后，丢弃和重发会怎样？
服务器可以如何帮助客户端退避？</translation>
    </message>
    <message>
        <source>Ordered delivery</source>
        <translation>有序投递</translation>
    </message>
    <message>
        <source>Many messages in flight and still delivered in order: the receiver holds back those that arrive early, as TCP does, instead of the sender waiting for each one.</source>
        <translation>许多消息同时在途，仍然按序投递：接收方像 TCP 一样暂缓提前到达的消息，而不是让发送方逐个等待。</translation>
    </message>
    <message>
        <source>How does the server know a call came too early?
What does holding back cost the calls behind a lost one?
What must the server do when the client gives up on a call it is waiting for?</source>
        <translation>服务器如何知道一个调用来得太早？
暂缓对排在丢失调用之后的调用有什么代价？
当客户端放弃了服务器正在等待的调用时，服务器必须怎么做？</translation>
    </message>
    <message>
        <source>One client keeps four calls in flight to the counter, asking for them to run in order, over a network that reorders and loses datagrams. The first request is lost, so the calls after it reach the server first: it acks them and holds them back until the resent call 1 arrives, then runs them one at a time, in the order they were made.</source>
        <translation>一个客户端同时有四个发往计数器的调用在途，并要求按顺序运行，而网络会乱序并丢失数据报。第一个请求丢失了，于是后面的调用先到达服务器：服务器确认它们并暂缓执行，直到重发的调用 1 到达，然后按发出的顺序逐个运行。</translation>
    </message>
</context>
<context>
    <name>SessionOption</name>
    <message>
        <source>scenario to run (message-ack, dropped-request, dropped-reply, long-call, server-restart, corruption, lossy, many-clients, fragmentation, file-transfer, overload, ordered)</source>
        <translation>要运行的场景（message-ack、dropped-request、dropped-reply、long-call、server-restart、corruption、lossy、many-clients、fragmentation、file-transfer、overload、ordered）</translation>
    </message>
    <message>
        <source>seed for every random choice; the same seed gives the same run</source>
        <translation>所有随机选择的种子；相同的种子得到完全相同的运行</translation>
    </message>
    <message>
        <source>calls to make, shared out among the clients</source>
        <translation>要发起的调用次数，由各客户端分担</translation>
    </message>
    <message>
        <source>clients calling the one server</source>
        <translation>调用同一台服务器的客户端数</translation>
    </message>
    <message>
        <source>calls each client keeps in flight at once</source>
        <translation>每个客户端同时在途的调用数</translation>
    </message>
    <message>
        <source>calls each client starts per second, as Poisson arrivals (simulation); 0: a new call as soon as one ends</source>
        <translation>每个客户端每秒发起的调用数，按泊松到达（仿真）；0 表示一个调用结束就立即发起下一个</translation>
    </message>
    <message>
        <source>time the server&apos;s handler takes per call</source>
        <translation>服务器处理程序处理每个调用所需的时间</translation>
    </message>
    <message>
        <source>size of each call&apos;s arguments (echo, file); larger than a datagram: fragments</source>
        <translation>每个调用的参数大小（echo、file）；超过一个数据报时分片发送</translation>
    </message>
    <message>
        <source>chance each datagram is lost, each way (0 to 1)</source>
        <translation>每个数据报丢失的概率，每个方向（0 到 1）</translation>
    </message>
    <message>
        <source>how losses are spread: bernoulli (independent) or gilbert (bursts)</source>
        <translation>丢包的分布方式：伯努利（相互独立）或吉尔伯特（突发）</translation>
    </message>
    <message>
        <source>one-way network delay</source>
        <translation>单向网络延迟</translation>
    </message>
    <message>
        <source>delay varies by up to this much either way</source>
        <translation>延迟上下浮动的最大幅度</translation>
    </message>
    <message>
        <source>chance a datagram is delivered twice (0 to 1)</source>
        <translation>数据报被送达两次的概率（0 到 1）</translation>
    </message>
    <message>
        <source>chance a datagram is held back so later ones overtake it (0 to 1)</source>
        <translation>数据报被扣留、让后来者超过它的概率（0 到 1）</translation>
    </message>
    <message>
        <source>chance a datagram&apos;s bytes are damaged (0 to 1)</source>
        <translation>数据报内容被损坏的概率（0 到 1）</translation>
    </message>
    <message>
        <source>link rate each way in kilobits per second; 0 for unlimited</source>
        <translation>每个方向的链路速率，单位千比特每秒；0 表示不限</translation>
    </message>
    <message>
        <source>first retransmission timeout (adaptive: until the first RTT sample)</source>
        <translation>首次重传超时（自适应策略：直到获得第一个 RTT 样本为止）</translation>
    </message>
    <message>
        <source>fixed, exponential, full-jitter, equal-jitter, decorrelated-jitter or adaptive</source>
        <translation>固定、指数、完全抖动、均等抖动、去相关抖动或自适应</translation>
    </message>
    <message>
        <source>growth of the timeout per attempt</source>
        <translation>每次尝试后超时时间的增长倍数</translation>
    </message>
    <message>
        <source>cap on any single timeout</source>
        <translation>单次超时的上限</translation>
    </message>
    <message>
        <source>time a call may take in all before it fails</source>
        <translation>调用失败前总共允许花费的时间</translation>
    </message>
    <message>
        <source>explicit (ack every request and reply) or implicit (the reply is the ack)</source>
        <translation>显式（每个请求和应答都要确认）或隐式（应答本身就是确认）</translation>
    </message>
    <message>
        <source>implicit mode: the server says &apos;working&apos; if no reply is ready by then</source>
        <translation>隐式模式：到这个时间应答仍未就绪，服务器就告知“处理中”</translation>
    </message>
    <message>
        <source>none, sum, xor, fletcher16 or crc32c</source>
        <translation>无、字节和、异或、Fletcher-16 或 CRC-32C</translation>
    </message>
    <message>
        <source>largest datagram sent; larger messages are split into fragments</source>
        <translation>发送的最大数据报；更大的消息会被拆成分片</translation>
    </message>
    <message>
        <source>largest request or reply either end reassembles from fragments</source>
        <translation>任一端从分片重组的最大请求或应答</translation>
    </message>
    <message>
        <source>datagrams per second the server can take in (simulation); 0 for no limit</source>
        <translation>服务器每秒能接收的数据报数（仿真）；0 表示不限</translation>
    </message>
    <message>
        <source>datagrams waiting for a busy server (simulation); more are lost</source>
        <translation>排队等待繁忙服务器的数据报数（仿真）；超出的会丢失</translation>
    </message>
    <message>
        <source>service the server offers (echo, counter, file, slowjob)</source>
        <translation>服务器提供的服务（echo、counter、file、slowjob）</translation>
    </message>
    <message>
        <source>sends of a request before the call fails; 0: no limit, only the deadline ends a call</source>
        <translation>调用失败前请求的发送次数；0：不限，只有截止时间结束调用</translation>
    </message>
    <message>
        <source>any (the server runs calls as they arrive) or ordered (each client&apos;s calls run one at a time in call-id order; --ordered for short)</source>
        <translation>any（服务器按到达顺序运行调用）或 ordered（每个客户端的调用按调用 ID 顺序逐个运行；简写 --ordered）</translation>
    </message>
    <message>
        <source>%1 [default: %2]</source>
        <translation>%1 [默认：%2]</translation>
    </message>
    <message>
        <source>short for --delivery ordered</source>
        <translation>--delivery ordered 的简写</translation>
    </message>
</context>
<context>
    <name>SettingWord</name>
    <message>
        <source>Loss</source>
        <translation>丢包率(L)</translation>
    </message>
    <message>
        <source>Loss model</source>
        <translation>丢包模型(M)</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟(D)</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>抖动(J)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复(U)</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>乱序(R)</translation>
    </message>
    <message>
        <source>Corrupt</source>
        <translation>损坏(C)</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时(T)</translation>
    </message>
    <message>
        <source>Back-off</source>
        <translation>退避策略(B)</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>退避因子(O)</translation>
    </message>
    <message>
        <source>Max timeout</source>
        <translation>最大超时(X)</translation>
    </message>
    <message>
        <source>Max attempts</source>
        <translation>最大尝试次数(P)</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间(I)</translation>
    </message>
    <message>
        <source>Ack mode</source>
        <translation>确认模式(K)</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和(E)</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端数(N)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用次数(A)</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口(W)</translation>
    </message>
    <message>
        <source>Call rate</source>
        <translation>调用速率</translation>
    </message>
    <message>
        <source>Handler time</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Server rate</source>
        <translation>服务器速率</translation>
    </message>
    <message>
        <source>Server queue</source>
        <translation>服务器队列</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>投递</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>unknown-method</source>
        <translation>未知方法</translation>
    </message>
    <message>
        <source>invalid-argument</source>
        <translation>参数无效</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>繁忙</translation>
    </message>
    <message>
        <source>too-large</source>
        <translation>消息过大</translation>
    </message>
    <message>
        <source>server-restarted</source>
        <translation>服务器已重启</translation>
    </message>
    <message>
        <source>unknown-call</source>
        <translation>未知调用</translation>
    </message>
    <message>
        <source>handler-error</source>
        <translation>处理程序出错</translation>
    </message>
    <message>
        <source>reply-not-cached</source>
        <translation>应答未缓存</translation>
    </message>
    <message>
        <source>result-forgotten</source>
        <translation>结果已遗忘</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>calls %1</source>
        <translation>调用 %1</translation>
    </message>
    <message>
        <source>ok %1</source>
        <translation>成功 %1</translation>
    </message>
    <message>
        <source>failed %1</source>
        <translation>失败 %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>failure reason and count</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>failed %1 (%2)</source>
        <translation>失败 %1（%2）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>retransmissions %1</source>
        <translation>重传 %1</translation>
    </message>
    <message>
        <source>probes %1</source>
        <translation>探询 %1</translation>
    </message>
    <message>
        <source>duplicates answered from memory %1</source>
        <translation>凭记录应答的重复请求 %1</translation>
    </message>
    <message>
        <source>damaged datagrams %1: checksum caught %2, corrupt accepted %3</source>
        <translation>损坏的数据报 %1：校验和拦下 %2，损坏后仍被接受 %3</translation>
    </message>
    <message>
        <source>latency p50 %1 ms · p99 %2 ms</source>
        <translation>延迟 p50 %1 毫秒 · p99 %2 毫秒</translation>
    </message>
    <message>
        <source> · file %1 of %2 MiB received</source>
        <translation> · 文件已收到 %1 / %2 MiB</translation>
    </message>
    <message>
        <source> · file complete: SHA-256 matches the sender&apos;s ✓</source>
        <translation> · 文件完整：SHA-256 与发送方一致 ✓</translation>
    </message>
    <message>
        <source> · file complete but SHA-256 DIFFERS from the sender&apos;s: damaged end to end ✗</source>
        <translation> · 文件已收完，但 SHA-256 与发送方不一致：端到端数据已损坏 ✗</translation>
    </message>
    <message>
        <source> · counter %1</source>
        <translation> · 计数器 %1</translation>
    </message>
    <message>
        <source>clients on %1</source>
        <translation>客户端在 %1</translation>
    </message>
    <message>
        <source>clients bound to %1, not loopback</source>
        <translation>客户端绑定到 %1，而非回环地址</translation>
    </message>
    <message>
        <source>the server does not share its trace</source>
        <translation>服务器不提供其跟踪</translation>
    </message>
    <message>
        <source>server trace: %1</source>
        <translation>服务器跟踪：%1</translation>
    </message>
    <message>
        <source>server clock %1 ms ± %2 ms (Cristian, best of the last %3 round trips)</source>
        <translation>服务器时钟 %1 ms ± %2 ms（Cristian 算法，取最近 %3 次往返中最好的一次）</translation>
    </message>
    <message>
        <source>%1 · other clients&apos; events hidden: %2</source>
        <translation>%1 · 已隐藏其他客户端的事件：%2</translation>
    </message>
    <message>
        <source>%1 · events placed late: %2</source>
        <translation>%1 · 延迟放置的事件：%2</translation>
    </message>
    <message>
        <source>%1 · server events missed: %2</source>
        <translation>%1 · 漏掉的服务器事件：%2</translation>
    </message>
    <message>
        <source>reading the server&apos;s trace…</source>
        <translation>正在读取服务器的跟踪…</translation>
    </message>
    <message>
        <source>Remote server %1 (%2) · %3</source>
        <translation>远程服务器 %1（%2）· %3</translation>
    </message>
    <message>
        <source>remote server %1</source>
        <translation>远程服务器 %1</translation>
    </message>
    <message>
        <source>server clock %1 ± %2 ms</source>
        <translation>服务器时钟 %1 ± %2 ms</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Playback speed, virtual time per real time [default: 0.1]</source>
        <translation>播放速度，即虚拟时间与真实时间之比 [默认：0.1]</translation>
    </message>
    <message>
        <source>Language for this run, not remembered: en, %1 [default: as chosen in View &gt; Language, else the system&apos;s]</source>
        <translation>本次运行使用的语言，不会保存：en、%1 [默认：“视图 &gt; 语言”中的选择，否则跟随系统]</translation>
    </message>
    <message>
        <source>A capture (.rpcscope) to open</source>
        <translation>要打开的捕获文件 (.rpcscope)</translation>
    </message>
    <message>
        <source>Call rpcscope-cli serve at this address instead of a server on loopback (File &gt; Connect to Server…)</source>
        <translation>调用此地址上的 rpcscope-cli serve，而不是回环地址上的服务器（文件 &gt; 连接到服务器…）</translation>
    </message>
    <message>
        <source>With --connect: the port of the server&apos;s trace feed (serve --trace-port)</source>
        <translation>与 --connect 一起使用：服务器提供跟踪的端口（serve --trace-port）</translation>
    </message>
    <message>
        <source>With --connect: the DTLS key, the first line of this file</source>
        <translation>与 --connect 一起使用：DTLS 密钥，即此文件的第一行</translation>
    </message>
    <message>
        <source>Start in presentation mode: full screen, everything large, for a projector</source>
        <translation>以演示模式启动：全屏，所有内容放大，适合投影仪</translation>
    </message>
    <message>
        <source>Start in quiz mode (Go &gt; Quiz Mode): playback pauses to ask the class what happens next, then shows the answer</source>
        <translation>以测验模式启动（转到 &gt; 测验模式）：回放暂停，请全班猜接下来会发生什么，然后揭晓答案</translation>
    </message>
    <message>
        <source>Open Scenario &gt; Compare: the scenario run twice on one clock, as A and as B [default: overload, backoff=fixed against backoff=full-jitter]</source>
        <translation>打开“场景 &gt; 比较”：同一场景在同一时钟上运行两次，分别为 A 和 B [默认：overload，backoff=fixed 对比 backoff=full-jitter]</translation>
    </message>
    <message>
        <source>With --compare: a setting of run A (repeatable)</source>
        <translation>与 --compare 一起使用：运行 A 的一项设置（可重复）</translation>
    </message>
    <message>
        <source>With --compare: a setting of run B (repeatable)</source>
        <translation>与 --compare 一起使用：运行 B 的一项设置（可重复）</translation>
    </message>
    <message>
        <source>Fork the session (or the capture opened) at this many milliseconds and open the fork beside its original (Scenario &gt; Fork from Here)</source>
        <translation>在这么多毫秒处分叉会话（或已打开的捕获），并在原始运行旁打开分叉（场景 &gt; 从此处分叉）</translation>
    </message>
    <message>
        <source>With --fork-at: a setting the fork changes (repeatable)</source>
        <translation>与 --fork-at 一起使用：分叉所更改的一项设置（可重复）</translation>
    </message>
    <message>
        <source>Live sequence diagrams of RPC over an unreliable network.

The session options are rpcscope-cli simulate&apos;s, with the same defaults; with none of them, the window opens with the dropped-reply scenario.</source>
        <translation>不可靠网络上 RPC 的实时时序图。

会话选项与 rpcscope-cli simulate 的相同，默认值也相同；若未给出任何会话选项，窗口将以 dropped-reply 场景打开。</translation>
    </message>
</context>
<context>
    <name>rpcscope::diagram::DiagramExport</name>
    <message>
        <source>client %1 · call %2</source>
        <translation>客户端 %1 · 调用 %2</translation>
    </message>
</context>
<context>
    <name>rpcscope::diagram::Legend</name>
    <message>
        <source>request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>request sent again (retry)</source>
        <translation>重新发送的请求（重试）</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>ack</source>
        <translation>确认 (ack)</translation>
    </message>
    <message>
        <source>working: still running</source>
        <translation>working：仍在运行</translation>
    </message>
    <message>
        <source>probe: how is my call?</source>
        <translation>探询：我的调用怎样了？</translation>
    </message>
    <message>
        <source>error reply</source>
        <translation>错误应答</translation>
    </message>
    <message>
        <source>fragment ack (SACK)</source>
        <translation>分片确认 (SACK)</translation>
    </message>
    <message>
        <source>in flight now</source>
        <translation>正在传输中</translation>
    </message>
    <message>
        <source>lost in the network</source>
        <translation>在网络中丢失</translation>
    </message>
    <message>
        <source>timeout: no answer in time</source>
        <translation>超时：未及时收到应答</translation>
    </message>
    <message>
        <source>call ended: ok</source>
        <translation>调用结束：成功</translation>
    </message>
    <message>
        <source>call ended: failed</source>
        <translation>调用结束：失败</translation>
    </message>
    <message>
        <source>handler running on the server</source>
        <translation>服务器上正在运行的处理函数</translation>
    </message>
    <message>
        <source>server decision (duplicate, cache…)</source>
        <translation>服务器的决定（重复、缓存…）</translation>
    </message>
    <message>
        <source>a setting changed</source>
        <translation>某项设置已更改</translation>
    </message>
    <message>
        <source>server crash</source>
        <translation>服务器崩溃</translation>
    </message>
    <message>
        <source>many datagrams: sent, lost, resent</source>
        <translation>大量数据报：发送、丢失、重发</translation>
    </message>
    <message>
        <source>retransmission timer, armed to fired</source>
        <translation>重传计时器，从设定到触发</translation>
    </message>
    <message>
        <source>many datagrams: damaged on arrival</source>
        <translation>大量数据报：到达时已损坏</translation>
    </message>
    <message>
        <source>request held back until its turn (ordered)</source>
        <translation>请求被暂缓，直到轮到它（有序）</translation>
    </message>
    <message>
        <source>timer the answer cancelled</source>
        <translation>被应答取消的定时器</translation>
    </message>
    <message>
        <source>spurious timeout: the reply was on its way</source>
        <translation>虚假超时：应答已在途中</translation>
    </message>
    <message>
        <source>adaptive timeout: SRTT expected, to SRTT + 4·RTTVAR</source>
        <translation>自适应超时：预期 SRTT，至 SRTT + 4·RTTVAR</translation>
    </message>
</context>
<context>
    <name>rpcscope::diagram::SceneBuilder</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>c%1</source>
        <translation>客%1</translation>
    </message>
    <message>
        <source>%1 #%2 frag %3 · round %4</source>
        <translation>%1 #%2 分片 %3 · 第 %4 轮</translation>
    </message>
    <message>
        <source>%1 #%2 frag %3</source>
        <translation>%1 #%2 分片 %3</translation>
    </message>
    <message>
        <source>%1 #%2 a%3 · retry #%4</source>
        <translation>%1 #%2 第%3次 · 重试 #%4</translation>
    </message>
    <message>
        <source>%1 #%2 a%3</source>
        <translation>%1 #%2 第%3次</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>server queue full → dropped</source>
        <translation>服务器接收队列已满 → 丢弃</translation>
    </message>
    <message>
        <source>lost in the network</source>
        <translation>在网络中丢失</translation>
    </message>
    <message>
        <source>run handler for #%1</source>
        <translation>为 #%1 运行处理程序</translation>
    </message>
    <message>
        <source>timeout
no answer after %1 ms</source>
        <translation>超时
%1 毫秒后仍无应答</translation>
    </message>
    <message>
        <source>call #%1 failed: %2</source>
        <translation>调用 #%1 失败：%2</translation>
    </message>
    <message>
        <source>call #%1 ok · %2 ms · 1 attempt</source>
        <translation>调用 #%1 成功 · %2 毫秒 · 1 次尝试</translation>
    </message>
    <message>
        <source>call #%1 ok · %2 ms · %3 attempts</source>
        <translation>调用 #%1 成功 · %2 毫秒 · %3 次尝试</translation>
    </message>
    <message>
        <source>duplicate of running call #%1
→ not run again</source>
        <translation>正在执行的调用 #%1 的重复请求
→ 不再执行</translation>
    </message>
    <message>
        <source>duplicate of done call #%1
→ cached reply, not re-run</source>
        <translation>已完成调用 #%1 的重复请求
→ 发送缓存的应答，不重新执行</translation>
    </message>
    <message>
        <source>late copy of call #%1
→ dropped</source>
        <translation>调用 #%1 的迟到副本
→ 丢弃</translation>
    </message>
    <message>
        <source>call #%1 refused</source>
        <translation>调用 #%1 被拒绝</translation>
    </message>
    <message>
        <source>checksum caught a damaged datagram</source>
        <translation>校验和发现了损坏的数据报</translation>
    </message>
    <message>
        <source>damaged datagram ACCEPTED:
the checksum missed it</source>
        <translation>损坏的数据报被接受了：
校验和没有发现</translation>
    </message>
    <message>
        <source>malformed datagram dropped</source>
        <translation>格式错误的数据报被丢弃</translation>
    </message>
    <message>
        <source>all %1 fragments held</source>
        <translation>已收齐全部 %1 个分片</translation>
    </message>
    <message>
        <source>peer holds %1 of %2 fragments
→ resend the rest</source>
        <translation>对方已收到 %1/%2 个分片
→ 重发其余分片</translation>
    </message>
    <message>
        <source>duplicate fragment → dropped</source>
        <translation>重复分片 → 丢弃</translation>
    </message>
    <message>
        <source>call #%1 reassembled
%2 fragments, %3 bytes</source>
        <translation>调用 #%1 已重组
%2 个分片，%3 字节</translation>
    </message>
    <message>
        <source>evict #%1 from reply cache (%2)</source>
        <translation>将 #%1 移出应答缓存（%2）</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>×2</source>
        <translation>×2</translation>
    </message>
    <message>
        <source>held back</source>
        <translation>被扣留</translation>
    </message>
    <message>
        <source>server crashes and restarts
reply cache lost, new epoch</source>
        <translation>服务器崩溃并重启
应答缓存丢失，新纪元</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>calls open</source>
        <translation>进行中的调用</translation>
    </message>
    <message>
        <source>sent · answered /s</source>
        <translation>发送 · 应答 /秒</translation>
    </message>
    <message>
        <source>dropped · resent /s</source>
        <translation>丢弃 · 重发 /秒</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>#%1 held back:
waits for #%2</source>
        <translation>#%1 被暂缓：
等待 #%2</translation>
    </message>
    <message>
        <source>spurious timeout
the reply was on its way</source>
        <translation>虚假超时
应答已在途中</translation>
    </message>
</context>
<context>
    <name>rpcscope::remote::RemoteFeed</name>
    <message>
        <source>The server&apos;s trace could not be read: %1</source>
        <translation>无法读取服务器的跟踪：%1</translation>
    </message>
    <message>
        <source>The server restarted (epoch %1); reading its trace from the start</source>
        <translation>服务器已重启（纪元 %1）；从头读取其跟踪</translation>
    </message>
    <message>
        <source>its events do not decode: %1</source>
        <translation>其事件无法解码：%1</translation>
    </message>
</context>
<context>
    <name>rpcscope::session::LivePlayer</name>
    <message>
        <source>The server&apos;s trace cannot be read: %1</source>
        <translation>无法读取服务器的跟踪：%1</translation>
    </message>
</context>
<context>
    <name>rpcscope::session::QuizRun</name>
    <message>
        <source>It arrives.</source>
        <translation>它到达了。</translation>
    </message>
    <message>
        <source>The network loses it on the way.</source>
        <translation>网络在途中把它丢失了。</translation>
    </message>
    <message>
        <source>It arrives damaged, and the receiver throws it away.</source>
        <translation>它到达时已损坏，接收方将其丢弃。</translation>
    </message>
    <message>
        <source>Nothing: %1 waits for the reply for ever.</source>
        <translation>什么也不做：%1永远等待回复。</translation>
    </message>
    <message>
        <source>Its timer runs out, and %1 sends call %2 again.</source>
        <translation>计时器到期，%1再次发送调用 %2。</translation>
    </message>
    <message>
        <source>%1 gives up: call %2 fails.</source>
        <translation>%1放弃：调用 %2 失败。</translation>
    </message>
    <message>
        <source>A reply to another of its copies arrives, and call %1 completes.</source>
        <translation>对它另一个副本的回复到达，调用 %1 完成。</translation>
    </message>
    <message>
        <source>The reply arrives first, and call %1 completes.</source>
        <translation>回复先到达，调用 %1 完成。</translation>
    </message>
    <message>
        <source>The timer fires first: %1 sends call %2 again although the reply is on its way.</source>
        <translation>计时器先到期：尽管回复正在路上，%1仍再次发送调用 %2。</translation>
    </message>
    <message>
        <source>It runs call %1.</source>
        <translation>它运行调用 %1。</translation>
    </message>
    <message>
        <source>It answers from its reply cache, without running call %1 again.</source>
        <translation>它从回复缓存中作答，不再次运行调用 %1。</translation>
    </message>
    <message>
        <source>It acks the request: call %1 is still running.</source>
        <translation>它确认该请求：调用 %1 仍在运行。</translation>
    </message>
    <message>
        <source>Nothing: the request is lost or damaged on the way, or it comes after the call is over.</source>
        <translation>什么也不做：请求在途中丢失或损坏，或者在调用结束后才到达。</translation>
    </message>
    <message>
        <source>It refuses the request: it cannot know whether call %1 ran before the crash.</source>
        <translation>它拒绝该请求：它无法知道调用 %1 在崩溃前是否已运行。</translation>
    </message>
    <message>
        <source>The first piece of call %1&apos;s request is on its way to the server. Will it get there?</source>
        <translation>调用 %1 请求的第一个分片正在发往服务器。它能到达吗？</translation>
    </message>
    <message>
        <source>Call %1&apos;s request is on its way to the server. Will it get there?</source>
        <translation>调用 %1 的请求正在发往服务器。它能到达吗？</translation>
    </message>
    <message>
        <source>The server has sent the reply to call %1. Will it reach %2 before %2&apos;s timer runs out?</source>
        <translation>服务器已发送调用 %1 的回复。它能在%2的计时器到期之前到达吗？</translation>
    </message>
    <message>
        <source>A copy of call %1&apos;s request (attempt %2) was lost. What will %3 do?</source>
        <translation>调用 %1 请求的一个副本（第 %2 次尝试）丢失了。%3会怎么做？</translation>
    </message>
    <message>
        <source>The reply to a copy of call %1 (attempt %2) was lost. What will %3 do?</source>
        <translation>对调用 %1 一个副本（第 %2 次尝试）的回复丢失了。%3会怎么做？</translation>
    </message>
    <message>
        <source>Call %1&apos;s request was lost: the server will never see it. What will %2 do?</source>
        <translation>调用 %1 的请求丢失了：服务器永远不会看到它。%2会怎么做？</translation>
    </message>
    <message>
        <source>The reply to call %1 was lost, after the server ran the call. %2 cannot tell which was lost. What will it do?</source>
        <translation>服务器运行了调用 %1，但回复丢失了。%2无法分辨丢失的是哪一个。它会怎么做？</translation>
    </message>
    <message>
        <source>%1 sends call %2 again (attempt %3). What will the server do with it?</source>
        <translation>%1再次发送调用 %2（第 %3 次尝试）。服务器会怎么处理它？</translation>
    </message>
    <message>
        <source>The server crashed while it ran call %1, and came back with an empty reply cache. What will it do when %2 sends call %1 again?</source>
        <translation>服务器在运行调用 %1 时崩溃，重启后回复缓存为空。当%2再次发送调用 %1 时，它会怎么做？</translation>
    </message>
    <message>
        <source>Question: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <comment>a lettered choice</comment>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Press Space to play on and see.</source>
        <translation>按空格键继续播放并揭晓。</translation>
    </message>
    <message>
        <source>Answer: %1. %2</source>
        <comment>the letter and the choice</comment>
        <translation>答案：%1. %2</translation>
    </message>
    <message>
        <source>Answer: none of these.</source>
        <translation>答案：以上都不是。</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::AnimationDialog</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Animated GIF: plays in browsers and slides</source>
        <translation>GIF 动画：可在浏览器和幻灯片中播放</translation>
    </message>
    <message>
        <source>MP4 video (H.264, needs ffmpeg)</source>
        <translation>MP4 视频（H.264，需要 ffmpeg）</translation>
    </message>
    <message>
        <source>WebM video (VP9, needs ffmpeg)</source>
        <translation>WebM 视频（VP9，需要 ffmpeg）</translation>
    </message>
    <message>
        <source>One PNG per step: a slide each time something new shows</source>
        <translation>每步一张 PNG：每当出现新内容就生成一张幻灯片</translation>
    </message>
    <message>
        <source>What is in view: %1 to %2 ms</source>
        <translation>当前视图：%1 至 %2 毫秒</translation>
    </message>
    <message>
        <source>The whole session</source>
        <translation>整个会话</translation>
    </message>
    <message>
        <source>The selected call alone</source>
        <translation>仅所选调用</translation>
    </message>
    <message>
        <source>Virtual time per real time: 0.1 plays 100 ms of the session in one second</source>
        <translation>虚拟时间与真实时间之比：0.1 表示一秒播放会话的 100 毫秒</translation>
    </message>
    <message>
        <source>A key to every mark</source>
        <translation>为每个标记添加图例</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Time range:</source>
        <translation>时间范围(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <source>Frames a &amp;second:</source>
        <translation>每秒帧数(&amp;E)：</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>尺寸(&amp;Z)：</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation>WebM 视频 (*.webm)</translation>
    </message>
    <message>
        <source>PNG pictures, numbered from NAME-001.png (*.png)</source>
        <translation>PNG 图片，从 NAME-001.png 开始编号 (*.png)</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::ChartsView</name>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Charts of the session: RTT and timeout, retransmissions, latency CDF, goodput and outstanding calls</source>
        <translation>本次会话的图表：RTT 与超时、重传、延迟 CDF、有效吞吐量和未完成的调用</translation>
    </message>
    <message>
        <source>Export This Chart…</source>
        <translation>导出此图表…</translation>
    </message>
    <message>
        <source>Export All Charts…</source>
        <translation>导出全部图表…</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Save the chart shown, or all of them, as PNG or SVG</source>
        <translation>将当前图表或全部图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>timeout that expired</source>
        <translation>到期的超时</translation>
    </message>
    <message>
        <source>session time (ms)</source>
        <translation>会话时间（毫秒）</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>RTT sample at t = %1 ms: %2 ms</source>
        <translation>t = %1 毫秒时的 RTT 样本：%2 毫秒</translation>
    </message>
    <message>
        <source>timeout expired at t = %1 ms: %2 ms</source>
        <translation>t = %1 毫秒时超时到期：%2 毫秒</translation>
    </message>
    <message>
        <source>RTT and timeout</source>
        <translation>RTT 与超时</translation>
    </message>
    <message>
        <source>finished calls</source>
        <translation>已完成的调用</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>attempts per call</source>
        <translation>每次调用的尝试次数</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>调用数</translation>
    </message>
    <message>
        <source>%1 attempts: %2 calls</source>
        <translation>%1 次尝试：%2 个调用</translation>
    </message>
    <message>
        <source>Retransmissions</source>
        <translation>重传</translation>
    </message>
    <message>
        <source>share of ok calls at or below a latency</source>
        <translation>延迟不超过某值的成功调用所占比例</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>延迟（毫秒）</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>latency %1 ms: fraction %2 of calls at or below</source>
        <translation>延迟 %1 毫秒：%2 比例的调用不超过此值</translation>
    </message>
    <message>
        <source>Latency CDF</source>
        <translation>延迟 CDF</translation>
    </message>
    <message>
        <source>completed calls/s</source>
        <translation>每秒完成的调用</translation>
    </message>
    <message>
        <source>delivered KiB/s (all datagrams)</source>
        <translation>送达 KiB/s（全部数据报）</translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation>调用/秒</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>t = %1 ms: %2 completed calls/s</source>
        <translation>t = %1 毫秒：每秒完成 %2 个调用</translation>
    </message>
    <message>
        <source>t = %1 ms: %2 KiB/s delivered</source>
        <translation>t = %1 毫秒：送达 %2 KiB/s</translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation>有效吞吐量</translation>
    </message>
    <message>
        <source>calls started and not yet finished</source>
        <translation>已开始但尚未完成的调用</translation>
    </message>
    <message>
        <source>t = %1 ms: %2 calls outstanding</source>
        <translation>t = %1 毫秒：%2 个调用未完成</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未完成调用</translation>
    </message>
    <message>
        <source>end the file name with .png or .svg to choose the format</source>
        <translation>请以 .png 或 .svg 作为文件扩展名来选择格式</translation>
    </message>
    <message>
        <source>no chart is called &apos;%1&apos;; expected one of %2</source>
        <translation>没有名为“%1”的图表；应为 %2 之一</translation>
    </message>
    <message>
        <source>Export All Charts</source>
        <translation>导出全部图表</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>RpcScope</source>
        <translation>RpcScope</translation>
    </message>
    <message>
        <source>The chart was not exported: %1</source>
        <translation>图表未导出：%1</translation>
    </message>
    <message>
        <source>RTT sample (first send, no probe: Karn&apos;s rule)</source>
        <translation>RTT 样本（首次发送且未探询：Karn 规则）</translation>
    </message>
    <message>
        <source>SRTT (smoothed RTT)</source>
        <translation>SRTT（平滑 RTT）</translation>
    </message>
    <message>
        <source>SRTT + 4·RTTVAR</source>
        <translation>SRTT + 4·RTTVAR</translation>
    </message>
    <message>
        <source>SRTT at t = %1 ms: %2 ms</source>
        <translation>t = %1 毫秒时的 SRTT：%2 毫秒</translation>
    </message>
    <message>
        <source>SRTT + 4·RTTVAR at t = %1 ms: %2 ms</source>
        <translation>t = %1 毫秒时的 SRTT + 4·RTTVAR：%2 毫秒</translation>
    </message>
    <message>
        <source>Drag across latencies to select those calls</source>
        <translation>在延迟上拖动以选中这些调用</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::CompareCharts</name>
    <message>
        <source>latency (ms)</source>
        <translation>延迟（毫秒）</translation>
    </message>
    <message>
        <source>fraction of ok calls at or below</source>
        <translation>不超过该值的成功调用比例</translation>
    </message>
    <message>
        <source>Latency CDF</source>
        <translation>延迟 CDF</translation>
    </message>
    <message>
        <source>attempts per call</source>
        <translation>每次调用的尝试次数</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>调用数</translation>
    </message>
    <message>
        <source>Retransmissions</source>
        <translation>重传</translation>
    </message>
    <message>
        <source>session time (ms)</source>
        <translation>会话时间（毫秒）</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>RTT and timeout</source>
        <translation>RTT 与超时</translation>
    </message>
    <message>
        <source>%1: ok calls</source>
        <translation>%1：成功的调用</translation>
    </message>
    <message>
        <source>%1: RTT sample</source>
        <translation>%1：RTT 样本</translation>
    </message>
    <message>
        <source>%1: timeout that expired</source>
        <translation>%1：到期的超时</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::CompareDialog</name>
    <message>
        <source>Compare Two Runs</source>
        <translation>比较两次运行</translation>
    </message>
    <message>
        <source>The same scenario and seed, run twice on one clock. Set what A and B differ in; the rest is the session&apos;s.</source>
        <translation>同一场景、同一种子，在同一时钟上运行两次。设置 A 与 B 的不同之处；其余沿用当前会话的设置。</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>未知选项“%1”</translation>
    </message>
    <message>
        <source>A and B are the same so far: they will run event for event alike.</source>
        <translation>A 与 B 目前完全相同：它们将逐个事件地同样运行。</translation>
    </message>
    <message>
        <source>B differs from A in: %1</source>
        <translation>B 与 A 的不同之处：%1</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::CompareStrip</name>
    <message>
        <source>not made</source>
        <translation>未发起</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>%1 call %2
A: %3
B: %4</source>
        <translation>%1 调用 %2
A：%3
B：%4</translation>
    </message>
    <message>
        <source>ok in %1 ms (attempts: %2)</source>
        <translation>成功，用时 %1 毫秒（尝试次数：%2）</translation>
    </message>
    <message>
        <source>failed: %1 (attempts: %2)</source>
        <translation>失败：%1（尝试次数：%2）</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::CompareWindow</name>
    <message>
        <source>  failed: %1</source>
        <translation>  失败：%1</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Calls ok</source>
        <translation>成功的调用</translation>
    </message>
    <message>
        <source>Calls failed</source>
        <translation>失败的调用</translation>
    </message>
    <message>
        <source>Handler executions</source>
        <translation>处理函数执行次数</translation>
    </message>
    <message>
        <source>Duplicates suppressed</source>
        <translation>被抑制的重复请求</translation>
    </message>
    <message>
        <source>Answered from the reply cache</source>
        <translation>由应答缓存作答</translation>
    </message>
    <message>
        <source>Retransmissions</source>
        <translation>重传</translation>
    </message>
    <message>
        <source>Datagrams sent</source>
        <translation>已发送数据报</translation>
    </message>
    <message>
        <source>Datagrams lost</source>
        <translation>丢失的数据报</translation>
    </message>
    <message>
        <source>Latency p50 (ms)</source>
        <translation>延迟 p50（毫秒）</translation>
    </message>
    <message>
        <source>Latency p90 (ms)</source>
        <translation>延迟 p90（毫秒）</translation>
    </message>
    <message>
        <source>Latency p99 (ms)</source>
        <translation>延迟 p99（毫秒）</translation>
    </message>
    <message>
        <source>Goodput (calls/s)</source>
        <translation>有效吞吐量（调用/秒）</translation>
    </message>
    <message>
        <source>Virtual time (ms)</source>
        <translation>虚拟时间（毫秒）</translation>
    </message>
    <message>
        <source>(the run has ended)</source>
        <translation>（该运行已结束）</translation>
    </message>
    <message>
        <source>%1 at %2, %3 ms</source>
        <translation>%2 处的 %1，%3 毫秒</translation>
    </message>
    <message>
        <source>, call %1 attempt %2</source>
        <translation>，调用 %1 第 %2 次尝试</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Each call in A (top) and B (bottom): green ok, darker the longer it took; red failed; an orange tick where the two ended differently. Click a call to select it in both.</source>
        <translation>A（上）与 B（下）中的每个调用：绿色为成功，耗时越长颜色越深；红色为失败；两者结局不同之处标有橙色刻痕。点击某个调用可在两边同时选中它。</translation>
    </message>
    <message>
        <source>A | B | Δ</source>
        <translation>A | B | Δ</translation>
    </message>
    <message>
        <source>Changes act on A</source>
        <translation>更改作用于 A</translation>
    </message>
    <message>
        <source>Changes act on B</source>
        <translation>更改作用于 B</translation>
    </message>
    <message>
        <source>Changes act on both</source>
        <translation>更改同时作用于两者</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>控制</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Side by side, or one above the other</source>
        <translation>并排，或上下排列</translation>
    </message>
    <message>
        <source>First Divergence</source>
        <translation>首个分歧</translation>
    </message>
    <message>
        <source>Save A…</source>
        <translation>保存 A…</translation>
    </message>
    <message>
        <source>Save B…</source>
        <translation>保存 B…</translation>
    </message>
    <message>
        <source>Playback speed: virtual time per real time, the same for both</source>
        <translation>播放速度：每单位真实时间对应的虚拟时间，两者相同</translation>
    </message>
    <message>
        <source>Compare — %1, seed %2 — RpcScope</source>
        <translation>比较 — %1，种子 %2 — RpcScope</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 applies to %2 from the next restart</source>
        <translation>%1 将从下次重新开始起作用于 %2</translation>
    </message>
    <message>
        <source>So far the two runs are the same, event for event.</source>
        <translation>到目前为止，两次运行逐个事件完全相同。</translation>
    </message>
    <message>
        <source>First divergence: A — %1; B — %2. %3 of %4 calls ended differently. Show zooms to it, ringed in both.</source>
        <translation>首个分歧：A — %1；B — %2。%4 个调用中有 %3 个结局不同。点击“显示”可缩放到该处，两边均以圆圈标出。</translation>
    </message>
    <message>
        <source>Save %1 as a Capture</source>
        <translation>将 %1 保存为捕获</translation>
    </message>
    <message>
        <source>RpcScope captures (*.rpcscope)</source>
        <translation>RpcScope 捕获 (*.rpcscope)</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation>已将 %1 保存到 %2</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Both runs to the next moment at which either has something happen (.)</source>
        <translation>两次运行都前进到其中任一方下一次发生事件的时刻（.）</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::ConnectDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>连接到服务器</translation>
    </message>
    <message>
        <source>host:port, for example 192.168.1.20:7000</source>
        <translation>主机:端口，例如 192.168.1.20:7000</translation>
    </message>
    <message>
        <source>none: show the clients&apos; side only</source>
        <translation>无：只显示客户端一侧</translation>
    </message>
    <message>
        <source>The port given to serve&apos;s --trace-port. The server&apos;s own events then appear in its lane, on this machine&apos;s clock.</source>
        <translation>serve 的 --trace-port 所给的端口。服务器自己的事件随后会按本机的时钟显示在它的泳道中。</translation>
    </message>
    <message>
        <source>the server&apos;s --key; empty: no encryption</source>
        <translation>服务器的 --key；留空：不加密</translation>
    </message>
    <message>
        <source>From File…</source>
        <translation>从文件…</translation>
    </message>
    <message>
        <source>Remember the key on this computer (stored unencrypted)</source>
        <translation>在这台计算机上记住密钥（以未加密方式保存）</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Trace port:</source>
        <translation>跟踪端口(&amp;T)：</translation>
    </message>
    <message>
        <source>DTLS &amp;key:</source>
        <translation>DTLS 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Trace port: the feed has a port of its own, not the server&apos;s %1</source>
        <translation>跟踪端口：跟踪有自己的端口，不能用服务器的 %1</translation>
    </message>
    <message>
        <source>Trace port: the server shares its trace only over DTLS; enter its key</source>
        <translation>跟踪端口：服务器只通过 DTLS 提供跟踪；请输入它的密钥</translation>
    </message>
    <message>
        <source>Read Key</source>
        <translation>读取密钥</translation>
    </message>
    <message>
        <source>The key was not read: %1</source>
        <translation>未读取密钥：%1</translation>
    </message>
    <message>
        <source>The clients will bind to all of this computer&apos;s addresses instead of loopback, so that the server&apos;s replies can reach them. The status bar shows this while connected.
The network settings on the Controls panel then shape what the clients send; what the server sends is shaped where it runs (serve --loss, --delay-ms).</source>
        <translation>客户端将绑定到这台计算机的所有地址而不是回环地址，以便服务器的回复能到达它们。连接期间状态栏会显示这一点。
此时控制面板上的网络设置只影响客户端发送的内容；服务器发送的内容在服务器运行处设置（serve --loss、--delay-ms）。</translation>
    </message>
    <message>
        <source>Call an &lt;tt&gt;rpcscope-cli serve&lt;/tt&gt; on another machine with this window&apos;s scenario, whose service is %1. Start it there with, for example:&lt;br&gt;&lt;tt&gt;rpcscope-cli serve --bind 0.0.0.0:7000 --service %1 --key-file class.key --trace-port 7001&lt;/tt&gt;</source>
        <translation>用本窗口的场景调用另一台机器上的 &lt;tt&gt;rpcscope-cli serve&lt;/tt&gt;，该场景的服务是 %1。例如在那台机器上这样启动它：&lt;br&gt;&lt;tt&gt;rpcscope-cli serve --bind 0.0.0.0:7000 --service %1 --key-file class.key --trace-port 7001&lt;/tt&gt;</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::ControlsPanel</name>
    <message>
        <source>Network (each way)</source>
        <translation>网络（每个方向）</translation>
    </message>
    <message>
        <source>&amp;Loss</source>
        <translation>丢包率(&amp;L)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Loss &amp;model</source>
        <translation>丢包模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Delay</source>
        <translation>延迟(&amp;D)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>&amp;Jitter</source>
        <translation>抖动(&amp;J)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>重复(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Reorder</source>
        <translation>乱序(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Corrupt</source>
        <translation>损坏(&amp;C)</translation>
    </message>
    <message>
        <source>Timeouts and retries</source>
        <translation>超时与重试</translation>
    </message>
    <message>
        <source>&amp;Timeout</source>
        <translation>超时(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Back-off</source>
        <translation>退避策略(&amp;B)</translation>
    </message>
    <message>
        <source>Fact&amp;or</source>
        <translation>退避因子(&amp;O)</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> 倍</translation>
    </message>
    <message>
        <source>Ma&amp;x timeout</source>
        <translation>最大超时(&amp;X)</translation>
    </message>
    <message>
        <source>Max attem&amp;pts</source>
        <translation>最大尝试次数(&amp;P)</translation>
    </message>
    <message>
        <source>Deadl&amp;ine</source>
        <translation>截止时间(&amp;I)</translation>
    </message>
    <message>
        <source>Protocol and workload</source>
        <translation>协议与负载</translation>
    </message>
    <message>
        <source>Ac&amp;k mode</source>
        <translation>确认模式(&amp;K)</translation>
    </message>
    <message>
        <source>Ch&amp;ecksum</source>
        <translation>校验和(&amp;E)</translation>
    </message>
    <message>
        <source>Clie&amp;nts</source>
        <translation>客户端数(&amp;N)</translation>
    </message>
    <message>
        <source>C&amp;alls</source>
        <translation>调用次数(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <source>Call rate</source>
        <translation>调用速率</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> 次/秒</translation>
    </message>
    <message>
        <source>Handler time</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Applies when the scenario is reset</source>
        <translation>重置场景后生效</translation>
    </message>
    <message>
        <source>Server rate</source>
        <translation>服务器速率</translation>
    </message>
    <message>
        <source>Server queue</source>
        <translation>服务器队列</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Deli&amp;very</source>
        <translation>投递(&amp;V)</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::EventTableModel</name>
    <message>
        <source>Time (ms)</source>
        <translation>时间（毫秒）</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Datagram</source>
        <translation>数据报</translation>
    </message>
    <message>
        <source>From → To</source>
        <translation>发送方 → 接收方</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>reply acked</source>
        <translation>应答已确认</translation>
    </message>
    <message>
        <source>request acked</source>
        <translation>请求已确认</translation>
    </message>
    <message>
        <source>new epoch %1</source>
        <translation>新纪元 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Time: %1 ms</source>
        <translation>时间：%1 毫秒</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>事件：%1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>发送方：%1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>接收方：%1</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>客户端：%1</translation>
    </message>
    <message>
        <source>Call: %1</source>
        <translation>调用：%1</translation>
    </message>
    <message>
        <source>Attempt: %1</source>
        <translation>尝试：%1</translation>
    </message>
    <message>
        <source>Fragment: %1</source>
        <translation>分片：%1</translation>
    </message>
    <message>
        <source>Datagram: %1</source>
        <translation>数据报：%1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>大小：%1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>Detail: %1 (%2)</source>
        <translation>详情：%1（%2）</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::ForkDialog</name>
    <message>
        <source>Fork from Here</source>
        <translation>从此处分叉</translation>
    </message>
    <message>
        <source>The fork is this session, event for event, up to %1 ms; from there on it runs with what you change below, and opens beside the original to compare.</source>
        <translation>分叉在 %1 毫秒之前与本会话逐个事件完全相同；从那里起按您在下方所做的更改运行，并在原始运行旁打开以便比较。</translation>
    </message>
    <message>
        <source>Fork</source>
        <translation>分叉</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>未知选项“%1”</translation>
    </message>
    <message>
        <source>%1 shapes a session from its start and cannot change at a fork.</source>
        <translation>%1 从会话开始起就决定了会话的形态，无法在分叉处更改。</translation>
    </message>
    <message>
        <source>Nothing changed yet: the fork would run as the original does.</source>
        <translation>尚未更改任何设置：分叉将与原始运行完全相同。</translation>
    </message>
    <message>
        <source>The fork changes: %1</source>
        <translation>分叉更改：%1</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::LessonPanel</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>&amp;Start This Step</source>
        <translation>开始此步骤(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next Step ▶</source>
        <translation>下一步(&amp;N) ▶</translation>
    </message>
    <message>
        <source>Lesson Path</source>
        <translation>课程路径</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1. %2&lt;/h3&gt;&lt;p&gt;&lt;i&gt;Chapter %3 · scenario: %4&lt;/i&gt;&lt;/p&gt;&lt;p&gt;%5&lt;/p&gt;&lt;p&gt;&lt;b&gt;What it shows:&lt;/b&gt; %6&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ask the class:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%7&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;%1. %2&lt;/h3&gt;&lt;p&gt;&lt;i&gt;第 %3 节 · 场景：%4&lt;/i&gt;&lt;/p&gt;&lt;p&gt;%5&lt;/p&gt;&lt;p&gt;&lt;b&gt;它展示了什么：&lt;/b&gt;%6&lt;/p&gt;&lt;p&gt;&lt;b&gt;向全班提问：&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%7&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::MainWindow</name>
    <message>
        <source>RpcScope</source>
        <translation>RpcScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RpcScope %1&lt;/h3&gt;&lt;p&gt;See and tune how RPC behaves over an unreliable network.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3; protobuf %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RpcScope %1&lt;/h3&gt;&lt;p&gt;观察并调整远程过程调用 (RPC) 在不可靠网络上的行为。&lt;/p&gt;&lt;p&gt;使用 Qt %2 构建，运行于 Qt %3；protobuf %4。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>控制面板</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>What the selected or latest event means, in words</source>
        <translation>用文字说明所选事件或最新事件的含义</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Show events of kind</source>
        <translation>按类型显示事件</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <source>Show events of host</source>
        <translation>按主机显示事件</translation>
    </message>
    <message>
        <source>Show events of call</source>
        <translation>按调用显示事件</translation>
    </message>
    <message>
        <source>all calls</source>
        <translation>所有调用</translation>
    </message>
    <message>
        <source>call </source>
        <translation>调用 </translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Open Capture</source>
        <translation>打开捕获文件</translation>
    </message>
    <message>
        <source>RpcScope captures (*.rpcscope);;All files (*)</source>
        <translation>RpcScope 捕获文件 (*.rpcscope);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Capture…</source>
        <translation>打开捕获文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Save Capture</source>
        <translation>保存捕获文件</translation>
    </message>
    <message>
        <source>RpcScope captures (*.rpcscope)</source>
        <translation>RpcScope 捕获文件 (*.rpcscope)</translation>
    </message>
    <message>
        <source>The capture was not saved: %1</source>
        <translation>捕获文件未保存：%1</translation>
    </message>
    <message>
        <source>&amp;Save Capture As…</source>
        <translation>捕获文件另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>未导出任何内容：%1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play or pause the session (Space)</source>
        <translation>播放或暂停会话（空格键）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Process the next event and pause (.)</source>
        <translation>处理下一个事件后暂停（.）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start the scenario over with the current settings (Ctrl+R)</source>
        <translation>用当前设置重新开始场景（Ctrl+R）</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Simulated (virtual time)</source>
        <translation>仿真（虚拟时间）</translation>
    </message>
    <message>
        <source>Real sockets (loopback)</source>
        <translation>真实套接字（回环）</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole session (Ctrl+0)</source>
        <translation>显示整个会话（Ctrl+0）</translation>
    </message>
    <message>
        <source>F&amp;ollow</source>
        <translation>跟随(&amp;O)</translation>
    </message>
    <message>
        <source>Keep the newest events in view</source>
        <translation>始终显示最新的事件</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with large type, for a projector</source>
        <translation>全屏大字体，适合投影仪</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About RpcScope</source>
        <translation>关于 RpcScope(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>The session could not start: %1</source>
        <translation>会话无法启动：%1</translation>
    </message>
    <message>
        <source>RpcScope — %1</source>
        <translation>RpcScope — %1</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Capture read in part: %1</source>
        <translation>捕获文件仅部分读取：%1</translation>
    </message>
    <message>
        <source>Opened %1: press Play to replay it</source>
        <translation>已打开 %1：按“播放”重放</translation>
    </message>
    <message>
        <source>timeout %1 ms</source>
        <translation>超时 %1 毫秒</translation>
    </message>
    <message>
        <source>%1 back-off</source>
        <translation>%1退避</translation>
    </message>
    <message>
        <source>%1 acks</source>
        <translation>%1确认</translation>
    </message>
    <message>
        <source>%1 service</source>
        <translation>%1 服务</translation>
    </message>
    <message>
        <source>loss %1 %</source>
        <translation>丢包率 %1 %</translation>
    </message>
    <message>
        <source>replaying a capture</source>
        <translation>正在重放捕获文件</translation>
    </message>
    <message>
        <source>real sockets</source>
        <translation>真实套接字</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>t = %1 ms  %2</source>
        <translation>t = %1 毫秒  %2</translation>
    </message>
    <message>
        <source>(finished)</source>
        <translation>（已结束）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 → %2, applied to calls in flight</source>
        <translation>%1 → %2，已应用于在途的调用</translation>
    </message>
    <message>
        <source>%1 → %2, applies when the scenario is reset (Ctrl+R)</source>
        <translation>%1 → %2，重置场景后生效（Ctrl+R）</translation>
    </message>
    <message>
        <source>About RpcScope</source>
        <translation>关于 RpcScope</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Export Selected &amp;Call…</source>
        <translation>导出选中的调用(&amp;C)…</translation>
    </message>
    <message>
        <source>Click a datagram in the diagram to select its call, then export it.</source>
        <translation>先在序列图中点击一个数据报以选中它所属的调用，然后再导出。</translation>
    </message>
    <message>
        <source>Export Selected Call</source>
        <translation>导出选中的调用</translation>
    </message>
    <message>
        <source>Export only the call selected in the diagram</source>
        <translation>只导出序列图中选中的调用</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Parameter &amp;Sweep…</source>
        <translation>参数扫描(&amp;S)…</translation>
    </message>
    <message>
        <source>Simulate a range of one setting, several seeds per point, and chart the outcome</source>
        <translation>在一个设置的取值范围内做仿真，每个点用多个种子，并把结果画成图表</translation>
    </message>
    <message>
        <source>no call is selected: click a datagram in the diagram first</source>
        <translation>没有选中调用：请先在序列图中点击一个数据报</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>连接到服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Run the scenario&apos;s clients against rpcscope-cli serve on another machine</source>
        <translation>让场景的客户端调用另一台机器上的 rpcscope-cli serve</translation>
    </message>
    <message>
        <source>Remote server…</source>
        <translation>远程服务器…</translation>
    </message>
    <message>
        <source>Simulated: every host in virtual time, reproducible from the seed, at any speed.
Real sockets: the same scenario over UDP on 127.0.0.1, in real time.
Remote server: the clients call rpcscope-cli serve on another machine.</source>
        <translation>模拟：所有主机都在虚拟时间中运行，可由种子重现，速度任意。
真实套接字：同一场景在 127.0.0.1 上经 UDP 实时运行。
远程服务器：客户端调用另一台机器上的 rpcscope-cli serve。</translation>
    </message>
    <message>
        <source>The lesson: %1

Click an event, or press N and P, for its own story.</source>
        <translation>要点：%1

点击一个事件，或按 N 和 P，查看它自己的经过。</translation>
    </message>
    <message>
        <source>Reset discards the capture shown and starts its scenario over with the current settings.</source>
        <translation>重置会丢弃当前显示的捕获，并以当前设置重新开始其场景。</translation>
    </message>
    <message>
        <source>Counter &amp;Tracks</source>
        <translation>计数轨道(&amp;T)</translation>
    </message>
    <message>
        <source>L&amp;egend</source>
        <translation>图例(&amp;E)</translation>
    </message>
    <message>
        <source>Calls open, sent against answered, dropped against resent, and the timeout, on the diagram&apos;s time axis</source>
        <translation>进行中的调用、发送与应答、丢弃与重发以及超时，显示在图的时间轴上</translation>
    </message>
    <message>
        <source>What every mark, line and colour in the diagram means</source>
        <translation>图中每个标记、线条和颜色的含义</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;p&gt;&lt;b&gt;What it shows:&lt;/b&gt; %3&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ask the class:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%4&lt;/ul&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;p&gt;&lt;b&gt;展示的内容：&lt;/b&gt;%3&lt;/p&gt;&lt;p&gt;&lt;b&gt;向学生提问：&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%4&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;RpcScope is free software under the MIT licence. It uses Qt under the GNU LGPL version 3 and protobuf under the BSD 3-Clause licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;RpcScope 是基于 MIT 许可证的自由软件。它使用 GNU LGPL 第 3 版授权的 Qt 和 BSD 3-Clause 许可证授权的 protobuf。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Homework: the Chapter&apos;s Questions…</source>
        <translation>作业：本章的问题(&amp;H)…</translation>
    </message>
    <message>
        <source>Each question of the chapter&apos;s coding homework, with the scenario, settings and command that answer it</source>
        <translation>本章编程作业的每个问题，以及回答它的场景、设置和命令</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>&amp;Measure a Server…</source>
        <translation>测量服务器(&amp;M)…</translation>
    </message>
    <message>
        <source>The raw round trip to a server, its calls&apos; latency, pipelined calls and goodput</source>
        <translation>到服务器的原始往返时间、调用延迟、流水线调用和有效吞吐量</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下一个：%1</translation>
    </message>
    <message>
        <source>Previous: %1</source>
        <translation>上一个：%1</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>Go to &amp;Call…</source>
        <translation>转到调用(&amp;C)…</translation>
    </message>
    <message>
        <source>Go to &amp;Time…</source>
        <translation>转到时间(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Pause at Every Loss</source>
        <translation>每次丢失时暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Playback pauses whenever the network loses a datagram; tick other kinds in the Moments list</source>
        <translation>每当网络丢失一个数据报时暂停播放；可在“关键时刻”列表中勾选其他类型</translation>
    </message>
    <message>
        <source>Go to Call</source>
        <translation>转到调用</translation>
    </message>
    <message>
        <source>Call, as CLIENT:ID (1:5), or ID alone for client 1:</source>
        <translation>调用，格式为 CLIENT:ID（1:5），或只写 ID 表示客户端 1：</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a call: write CLIENT:ID, for example 1:5</source>
        <translation>“%1”不是调用：请写成 CLIENT:ID，例如 1:5</translation>
    </message>
    <message>
        <source>Client %1 has made no call %2 so far.</source>
        <translation>客户端 %1 到目前为止没有发出调用 %2。</translation>
    </message>
    <message>
        <source>Go to Time</source>
        <translation>转到时间</translation>
    </message>
    <message>
        <source>Time in the session, in milliseconds:</source>
        <translation>会话中的时间（毫秒）：</translation>
    </message>
    <message>
        <source>Paused at %1. Space plays on.</source>
        <translation>已在%1处暂停。按空格键继续播放。</translation>
    </message>
    <message>
        <source>Diagram: next event</source>
        <translation>图：下一个事件</translation>
    </message>
    <message>
        <source>Diagram: previous event</source>
        <translation>图：上一个事件</translation>
    </message>
    <message>
        <source>Diagram: fit the whole session</source>
        <translation>图：适配整个会话</translation>
    </message>
    <message>
        <source>Diagram: follow the newest events</source>
        <translation>图：跟随最新事件</translation>
    </message>
    <message>
        <source>Diagram: back to the start</source>
        <translation>图：回到开头</translation>
    </message>
    <message>
        <source>Diagram: zoom</source>
        <translation>图：缩放</translation>
    </message>
    <message>
        <source>Diagram: clear the selection</source>
        <translation>图：清除选择</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Moments</source>
        <translation>关键时刻</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>%1: none after this one so far.</source>
        <translation>%1：到目前为止此后没有了。</translation>
    </message>
    <message>
        <source>%1: none before this one.</source>
        <translation>%1：此前没有了。</translation>
    </message>
    <message>
        <source>Shift+drag</source>
        <translation>Shift+拖动</translation>
    </message>
    <message>
        <source>Diagram: zoom to the stretch of time dragged over</source>
        <translation>图：缩放到拖过的时间段</translation>
    </message>
    <message>
        <source>Click an event of a call first.</source>
        <translation>请先点击某个调用的事件。</translation>
    </message>
    <message>
        <source>&amp;Zoom to Selected Call</source>
        <translation>缩放到所选调用(&amp;Z)</translation>
    </message>
    <message>
        <source>The selected call from its start to its end; Shift+drag in the diagram zooms to any stretch of time</source>
        <translation>从开始到结束显示所选调用；在图中按住 Shift 拖动可缩放到任意时间段</translation>
    </message>
    <message>
        <source>Show &amp;Only the Selected Call</source>
        <translation>仅显示所选调用(&amp;O)</translation>
    </message>
    <message>
        <source>Hide every other call&apos;s datagrams, timers and labels</source>
        <translation>隐藏其他所有调用的数据报、定时器和标签</translation>
    </message>
    <message>
        <source>&amp;Quiz Mode</source>
        <translation>测验模式(&amp;Q)</translation>
    </message>
    <message>
        <source>Playback pauses before a datagram&apos;s fate, a timer or the server&apos;s choice shows, and asks the class; Space plays on and reveals the answer</source>
        <translation>在数据报的命运、计时器或服务器的选择显现之前暂停回放并向全班提问；按空格键继续播放并揭晓答案</translation>
    </message>
    <message>
        <source>Quiz mode: playback pauses at each question; Space plays on.</source>
        <translation>测验模式：回放在每个问题处暂停；按空格键继续。</translation>
    </message>
    <message>
        <source>A question: Space plays on and shows the answer.</source>
        <translation>一个问题：按空格键继续播放并揭晓答案。</translation>
    </message>
    <message>
        <source>The answer: Space plays on.</source>
        <translation>答案：按空格键继续播放。</translation>
    </message>
    <message>
        <source>Export &amp;Animation…</source>
        <translation>导出动画(&amp;A)…</translation>
    </message>
    <message>
        <source>The playback of a time range for slides: GIF, MP4, WebM or one PNG per step</source>
        <translation>为幻灯片导出一段时间的回放：GIF、MP4、WebM 或每步一张 PNG</translation>
    </message>
    <message>
        <source>Nothing has happened yet to animate.</source>
        <translation>还没有可以制作动画的内容。</translation>
    </message>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Drawing the frames…</source>
        <translation>正在绘制帧…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No animation was exported: %1</source>
        <translation>未导出动画：%1</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>&amp;Lesson: the Chapter Step by Step</source>
        <translation>课程：逐步学习本章(&amp;L)</translation>
    </message>
    <message>
        <source>The chapter&apos;s ideas in order, each a scenario with what to say and what to ask, and a glossary in three languages</source>
        <translation>按顺序呈现本章的各个概念，每个都配有场景、讲解要点和提问，并附三语术语表</translation>
    </message>
    <message>
        <source>Next Lesson &amp;Step</source>
        <translation>下一课程步骤(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Narration</source>
        <translation>讲解(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>图表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Moments</source>
        <translation>关键时刻(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>比较(&amp;C)…</translation>
    </message>
    <message>
        <source>Run the scenario twice on one clock, under two settings, side by side</source>
        <translation>在同一时钟上以两种设置运行该场景两次，并排显示</translation>
    </message>
    <message>
        <source>&amp;Fork from Here…</source>
        <translation>从此处分叉(&amp;F)…</translation>
    </message>
    <message>
        <source>Run this session again up to the selected moment, then with other settings, beside the original</source>
        <translation>重新运行本会话直到所选时刻，之后换用其他设置，并显示在原始运行旁</translation>
    </message>
    <message>
        <source>Fork from Here (%1 ms)…</source>
        <translation>从此处分叉（%1 毫秒）…</translation>
    </message>
    <message>
        <source>This capture cannot be forked: %1.</source>
        <translation>无法对此捕获进行分叉：%1。</translation>
    </message>
    <message>
        <source>A session on real sockets cannot be run again event for event, so it cannot be forked.</source>
        <translation>使用真实套接字的会话无法逐个事件地重新运行，因此无法分叉。</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>本会话</translation>
    </message>
    <message>
        <source>the session&apos;s settings</source>
        <translation>会话的设置</translation>
    </message>
    <message>
        <source>Fork from Here</source>
        <translation>从此处分叉</translation>
    </message>
    <message>
        <source>%1, as it ran</source>
        <translation>%1（原样运行）</translation>
    </message>
    <message>
        <source>fork at %1 ms: %2</source>
        <translation>在 %1 毫秒处分叉：%2</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>未做更改</translation>
    </message>
    <message>
        <source>Forked at %1 ms: the fork opens beside its original</source>
        <translation>已在 %1 毫秒处分叉：分叉显示在其原始运行旁</translation>
    </message>
    <message>
        <source>took one attempt</source>
        <translation>只尝试了一次</translation>
    </message>
    <message>
        <source>took %1 attempts</source>
        <translation>尝试了 %1 次</translation>
    </message>
    <message>
        <source>took %1 or more attempts</source>
        <translation>尝试了 %1 次或更多</translation>
    </message>
    <message>
        <source>answered in %1 to %2 ms</source>
        <translation>在 %1 至 %2 毫秒内得到应答</translation>
    </message>
    <message>
        <source>Charts: %1 to %2 ms, as dragged on the counter tracks; click the tracks to have them follow the diagram again</source>
        <translation>图表：%1 至 %2 毫秒，按计数轨道上的拖动范围；点击计数轨道可让图表重新跟随时序图</translation>
    </message>
    <message>
        <source>Charts follow the diagram again</source>
        <translation>图表重新跟随时序图</translation>
    </message>
    <message>
        <source>No call %1</source>
        <translation>没有调用%1</translation>
    </message>
    <message>
        <source>Calls that %1: %2, highlighted in the diagram and alone in the Events table; N and P step through them, Escape lets them go</source>
        <translation>%1的调用：%2 个，已在时序图中高亮并单独列于事件表中；按 N 和 P 逐个浏览，按 Esc 取消选择</translation>
    </message>
    <message>
        <source>Drag on the counter tracks</source>
        <translation>在计数轨道上拖动</translation>
    </message>
    <message>
        <source>Charts: show the stretch of time dragged over; a click follows the diagram again</source>
        <translation>图表：显示拖过的时间段；单击则重新跟随时序图</translation>
    </message>
    <message>
        <source>Click a bar, drag across the CDF</source>
        <translation>点击柱形，或在 CDF 上拖动</translation>
    </message>
    <message>
        <source>Charts: select those calls in the diagram and the Events table; N and P step through them</source>
        <translation>图表：在时序图和事件表中选中这些调用；按 N 和 P 逐个浏览</translation>
    </message>
    <message>
        <source>Diagram as SVG (*.svg);;Diagram as PNG (*.png);;Diagram as PDF (*.pdf);;Diagram as TikZ (*.tex);;%1</source>
        <translation>序列图，SVG 格式 (*.svg);;序列图，PNG 格式 (*.png);;序列图，PDF 格式 (*.pdf);;序列图，TikZ 格式 (*.tex);;%1</translation>
    </message>
    <message>
        <source>Events as CSV (*.csv);;Events as JSON Lines (*.jsonl);;Mermaid sequence diagram (*.mmd);;PlantUML sequence diagram (*.puml);;Trace for Perfetto and chrome://tracing (*.json);;qlog events (*.sqlog)</source>
        <translation>事件，CSV 格式 (*.csv);;事件，JSON Lines 格式 (*.jsonl);;Mermaid 序列图 (*.mmd);;PlantUML 序列图 (*.puml);;Perfetto 与 chrome://tracing 的跟踪文件 (*.json);;qlog 事件 (*.sqlog)</translation>
    </message>
    <message>
        <source>Diagram in view as SVG (*.svg);;Diagram in view as PNG (*.png);;Diagram in view as PDF (*.pdf);;Diagram in view as TikZ (*.tex);;%1;;Datagrams for Wireshark (*.pcapng)</source>
        <translation>当前视图中的序列图，SVG 格式 (*.svg);;当前视图中的序列图，PNG 格式 (*.png);;当前视图中的序列图，PDF 格式 (*.pdf);;当前视图中的序列图，TikZ 格式 (*.tex);;%1;;供 Wireshark 使用的数据报 (*.pcapng)</translation>
    </message>
    <message>
        <source>a packet capture holds every datagram of the session; in Wireshark the filter rpcscope.call == %1 picks out one call</source>
        <translation>数据包捕获包含会话的每个数据报；在 Wireshark 中用过滤器 rpcscope.call == %1 可挑出一个调用</translation>
    </message>
    <message>
        <source>a packet capture needs every datagram&apos;s bytes, which only a simulated session run again can give</source>
        <translation>数据包捕获需要每个数据报的字节，只有重新运行的模拟会话才能提供</translation>
    </message>
    <message>
        <source>end the file name with .svg, .png, .pdf, .tex, .csv, .jsonl, .mmd, .puml, .json (Perfetto), .sqlog (qlog) or .pcapng (Wireshark) to choose the format</source>
        <translation>请以 .svg、.png、.pdf、.tex、.csv、.jsonl、.mmd、.puml、.json（Perfetto）、.sqlog（qlog）或 .pcapng（Wireshark）结尾命名文件以选择格式</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::MeasureDialog</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>Raw round trips</source>
        <translation>原始往返</translation>
    </message>
    <message>
        <source>Single calls</source>
        <translation>单个调用</translation>
    </message>
    <message>
        <source>Pipelined calls</source>
        <translation>流水线调用</translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation>有效吞吐量</translation>
    </message>
    <message>
        <source>Measure a Server</source>
        <translation>测量服务器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>HOST:PORT of an rpcscope-cli serve, here or on another machine</source>
        <translation>rpcscope-cli serve 的 HOST:PORT，可在本机或另一台机器上</translation>
    </message>
    <message>
        <source>DTLS &amp;key:</source>
        <translation>DTLS 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>none: plain UDP</source>
        <translation>无：普通 UDP</translation>
    </message>
    <message>
        <source>&amp;Calls timed:</source>
        <translation>计时调用数(&amp;C)：</translation>
    </message>
    <message>
        <source>Raw echoes, and single calls one at a time, whose round trips are timed</source>
        <translation>逐个计时往返时间的原始回显和单个调用</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Pipelined calls:</source>
        <translation>流水线调用数(&amp;P)：</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Datagram:</source>
        <translation>数据报(&amp;D)：</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>&amp;Measure</source>
        <translation>测量(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>raw round trip (the floor)</source>
        <translation>原始往返（下限）</translation>
    </message>
    <message>
        <source>single call</source>
        <translation>单个调用</translation>
    </message>
    <message>
        <source>Latency, µs</source>
        <translation>延迟，微秒</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>The address is not HOST:PORT: %1</source>
        <translation>地址不是 HOST:PORT：%1</translation>
    </message>
    <message>
        <source>Measuring %1…</source>
        <translation>正在测量 %1…</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1：%2 %</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Raw round trip (the floor)</source>
        <translation>原始往返（下限）</translation>
    </message>
    <message>
        <source>p50 %1, p90 %2, p99 %3</source>
        <translation>p50 %1，p90 %2，p99 %3</translation>
    </message>
    <message>
        <source>Single call</source>
        <translation>单个调用</translation>
    </message>
    <message>
        <source>Done: a call costs %1× the raw round trip to this server.</source>
        <translation>完成：一次调用的耗时是到该服务器原始往返的 %1 倍。</translation>
    </message>
    <message>
        <source>Messa&amp;ge:</source>
        <translation>消息(&amp;G)：</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Pipelined calls in flight at once; a server runs no more than %1 of one client&apos;s calls at once</source>
        <translation>同时在途的流水线调用数；服务器同时最多执行同一客户端的 %1 个调用</translation>
    </message>
    <message>
        <source>Sent one way for the goodput, in calls of the chunk&apos;s size, four in flight, each checked by SHA-256 at the server</source>
        <translation>为测量有效吞吐量单向发送，按块大小分成多个调用，四个同时在途，每个都由服务器用 SHA-256 校验</translation>
    </message>
    <message>
        <source>C&amp;hunk:</source>
        <translation>块大小(&amp;H)：</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Bytes per call of the goodput</source>
        <translation>有效吞吐量测量中每个调用的字节数</translation>
    </message>
    <message>
        <source>The largest datagram this end sends; chunks go in fragments of it</source>
        <translation>本端发送的最大数据报；块按此大小分片发送</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>How long to wait for the first answer before saying nobody is there</source>
        <translation>等待第一个应答多久之后判定对方不存在</translation>
    </message>
    <message>
        <source>Against the floor</source>
        <translation>与下限相比</translation>
    </message>
    <message>
        <source>The message would take %1 calls of the chunk&apos;s size; at most %2: choose a larger chunk.</source>
        <translation>该消息需要 %1 个块大小的调用；最多 %2 个：请选择更大的块。</translation>
    </message>
    <message>
        <source>This computer cannot send to %1: %2</source>
        <translation>本机无法向 %1 发送：%2</translation>
    </message>
    <message>
        <source>No RpcScope server answered at %1 within %2 ms.</source>
        <translation>%1 上没有 RpcScope 服务器在 %2 毫秒内应答。</translation>
    </message>
    <message>
        <source>Nothing listens at %1: the port is closed.</source>
        <translation>%1 上没有程序在监听：端口已关闭。</translation>
    </message>
    <message>
        <source>The server at %1 speaks wire version %2; this build speaks version %3.</source>
        <translation>%1 上的服务器使用线路协议版本 %2；本程序使用版本 %3。</translation>
    </message>
    <message>
        <source>The server at %1 answered its raw echo but no call: if it was started with a key, give the same key.</source>
        <translation>%1 上的服务器应答了原始回显，却没有应答任何调用：如果它是带密钥启动的，请提供相同的密钥。</translation>
    </message>
    <message>
        <source>The server at %1 answered its raw echo but no call: does it use this key?</source>
        <translation>%1 上的服务器应答了原始回显，却没有应答任何调用：它使用的是这个密钥吗？</translation>
    </message>
    <message>
        <source>A call to %1 failed: %2</source>
        <translation>对 %1 的调用失败：%2</translation>
    </message>
    <message>
        <source>The SHA-256 the server at %1 computed of a chunk differs from what was sent.</source>
        <translation>%1 上的服务器为某个块算出的 SHA-256 与发送的内容不符。</translation>
    </message>
    <message>
        <source>%1, wire version %2, plain UDP</source>
        <translation>%1，线路协议版本 %2，普通 UDP</translation>
    </message>
    <message>
        <source>%1, wire version %2, calls through DTLS, raw echoes in plain UDP</source>
        <translation>%1，线路协议版本 %2，调用经由 DTLS，原始回显使用普通 UDP</translation>
    </message>
    <message>
        <source>%1 echoes, %2 lost</source>
        <translation>%1 次回显，丢失 %2 次</translation>
    </message>
    <message>
        <source>%1× the floor</source>
        <translation>下限的 %1 倍</translation>
    </message>
    <message>
        <source>Pipelined calls, window %1</source>
        <translation>流水线调用，窗口 %1</translation>
    </message>
    <message>
        <source>%1 calls/s</source>
        <translation>%1 次调用/秒</translation>
    </message>
    <message>
        <source>%1× one raw round trip at a time</source>
        <translation>逐个原始往返的 %1 倍</translation>
    </message>
    <message>
        <source>%1 MiB/s (%2 Mbit/s), SHA-256 verified</source>
        <translation>%1 MiB/s（%2 Mbit/s），已通过 SHA-256 校验</translation>
    </message>
    <message>
        <source>%1 KiB per raw round trip</source>
        <translation>每个原始往返 %1 KiB</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>%1 in calls of %2, %3 in flight, in datagrams of %4 bytes</source>
        <translation>%1，每个调用 %2，%3 个同时在途，数据报 %4 字节</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::MomentsPanel</name>
    <message>
        <source>Moment</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Click a moment to go there. Tick a kind to pause playback when the clock reaches one.</source>
        <translation>点击某个时刻即可跳转到那里。勾选某种类型，播放到达该类时刻时会暂停。</translation>
    </message>
    <message>
        <source>Pause only at the first of each ticked kind</source>
        <translation>每种勾选类型只在第一次时暂停</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>, call %1</source>
        <translation>，调用 %1</translation>
    </message>
    <message>
        <source>, attempt %1</source>
        <translation>，第 %1 次尝试</translation>
    </message>
    <message>
        <source>Tick to pause playback at %1</source>
        <translation>勾选后在%1时暂停播放</translation>
    </message>
    <message>
        <source>… and %1 more (the Events tab lists them all)</source>
        <translation>……还有 %1 个（“事件”标签页列出全部）</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::SequenceDiagramView</name>
    <message>
        <source>Sequence diagram</source>
        <translation>序列图</translation>
    </message>
    <message>
        <source>Datagrams between the client and server lanes, time running down. Plus and minus zoom, F fits the session, End follows the live edge, N and P select the next and the previous event, Escape clears the selection.</source>
        <translation>客户端与服务器泳道之间的数据报，时间自上而下。加号和减号缩放，F 显示整个会话，End 跟随最新事件，N 和 P 选择下一个和上一个事件，Esc 取消选择。</translation>
    </message>
</context>
<context>
    <name>rpcscope::widgets::SweepDialog</name>
    <message>
        <source>mean latency of ok calls</source>
        <translation>成功调用的平均延迟</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>median latency (p50)</source>
        <translation>延迟中位数 (p50)</translation>
    </message>
    <message>
        <source>99th percentile latency (p99)</source>
        <translation>第 99 百分位延迟 (p99)</translation>
    </message>
    <message>
        <source>calls ok</source>
        <translation>成功的调用</translation>
    </message>
    <message>
        <source>calls per run</source>
        <translation>每次运行的调用数</translation>
    </message>
    <message>
        <source>calls failed</source>
        <translation>失败的调用</translation>
    </message>
    <message>
        <source>retransmissions</source>
        <translation>重传次数</translation>
    </message>
    <message>
        <source>datagrams per run</source>
        <translation>每次运行的数据报数</translation>
    </message>
    <message>
        <source>datagrams sent</source>
        <translation>发送的数据报</translation>
    </message>
    <message>
        <source>Parameter Sweep</source>
        <translation>参数扫描</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>%v / %m 次运行</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel Sweep</source>
        <translation>取消扫描(&amp;C)</translation>
    </message>
    <message>
        <source>Export C&amp;hart…</source>
        <translation>导出图表(&amp;H)…</translation>
    </message>
    <message>
        <source>Save the chart as PNG or SVG</source>
        <translation>将图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>Export &amp;Table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <source>Save the table as CSV, as rpcscope-cli sweep prints it</source>
        <translation>将表格保存为 CSV，格式与 rpcscope-cli sweep 的输出相同</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>RpcScope</source>
        <translation>RpcScope</translation>
    </message>
    <message>
        <source>The chart was not exported: %1</source>
        <translation>图表未导出：%1</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>The table was not exported: %1</source>
        <translation>表格未导出：%1</translation>
    </message>
    <message>
        <source>&amp;Parameter</source>
        <translation>参数(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始值(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>终止值(&amp;T)</translation>
    </message>
    <message>
        <source>Points from From to To, both included</source>
        <translation>从起始值到终止值的取值点数，两端都包括</translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation>点数(&amp;S)</translation>
    </message>
    <message>
        <source>Simulations per point, with seeds %1, %2, …: their spread is the band around each line</source>
        <translation>每个点的仿真次数，种子依次为 %1、%2、…：它们的离散范围就是每条曲线周围的色带</translation>
    </message>
    <message>
        <source>R&amp;uns per point</source>
        <translation>每点运行次数(&amp;U)</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>不比较</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>比较(&amp;O)</translation>
    </message>
    <message>
        <source>value, value, …</source>
        <translation>值, 值, …</translation>
    </message>
    <message>
        <source>One line on the chart for each of these values, separated by commas</source>
        <translation>每个值在图表上画一条曲线，用逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Values</source>
        <translation>取值(&amp;V)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>current settings</source>
        <translation>当前设置</translation>
    </message>
    <message>
        <source>Every run starts from %1: %2 calls, %3 clients, seed %4 and the controls&apos; settings.</source>
        <translation>每次运行都从%1开始：%2 次调用、%3 个客户端、种子 %4，以及控制面板中的设置。</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> 次/秒</translation>
    </message>
    <message>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>From must be less than To.</source>
        <translation>起始值必须小于终止值。</translation>
    </message>
    <message>
        <source>Give the values of %1 to compare, separated by commas.</source>
        <translation>请给出要比较的 %1 取值，用逗号分隔。</translation>
    </message>
    <message>
        <source>Values to compare: %1</source>
        <translation>要比较的值：%1</translation>
    </message>
    <message>
        <source>Ready: %1 points × %2 values × %3 runs = %4 simulations.</source>
        <translation>就绪：%1 个点 × %2 个值 × %3 次运行 = %4 次仿真。</translation>
    </message>
    <message>
        <source>Running %1 simulations…</source>
        <translation>正在运行 %1 次仿真…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Done: %1 simulations.</source>
        <translation>完成：%1 次仿真。</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 simulations; the chart shows the last complete sweep, if any.</source>
        <translation>在完成 %1/%2 次仿真后取消；图表显示最近一次完整的扫描（如果有）。</translation>
    </message>
    <message>
        <source>probability, 0 to 1</source>
        <translation>概率，0 到 1</translation>
    </message>
    <message>
        <source>count</source>
        <translation>个数</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>超出容量</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>每秒</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>倍数</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1: lowest to highest run</source>
        <translation>%1：最低到最高的运行结果</translation>
    </message>
    <message>
        <source>%1 against %2 · mean of %3 runs per point, band from lowest to highest run</source>
        <translation>%1 随 %2 的变化 · 每点 %3 次运行的平均值，色带为最低到最高</translation>
    </message>
    <message>
        <source>%1 against %2 · one run per point</source>
        <translation>%1 随 %2 的变化 · 每点运行一次</translation>
    </message>
    <message>
        <source>%1 = %2, %3 = %4</source>
        <translation>%1 = %2，%3 = %4</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4 (lowest %5, highest %6, over %7 runs)</source>
        <translation>%1：%2 %3 %4（最低 %5，最高 %6，共 %7 次运行）</translation>
    </message>
    <message>
        <source>run a sweep first</source>
        <translation>请先运行一次扫描</translation>
    </message>
    <message>
        <source>end the file name with .png or .svg to choose the format</source>
        <translation>请以 .png 或 .svg 作为文件扩展名来选择格式</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a rate in percent</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>compared</source>
        <translation>对比项</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>mean latency</source>
        <translation>平均延迟</translation>
    </message>
    <message>
        <source>lowest run</source>
        <translation>最低一次</translation>
    </message>
    <message>
        <source>highest run</source>
        <translation>最高一次</translation>
    </message>
    <message>
        <source>standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>median (p50)</source>
        <translation>中位数 (p50)</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>ok calls</source>
        <translation>成功的调用</translation>
    </message>
    <message>
        <source>failed calls</source>
        <translation>失败的调用</translation>
    </message>
</context>
</TS>
