<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BusStats</name>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="60"/>
        <source>frames/s</source>
        <translation>帧/秒</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="61"/>
        <source>bus load</source>
        <translation>总线负载</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="62"/>
        <source>frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="63"/>
        <source>error frames</source>
        <translation>错误帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="64"/>
        <source>unknown IDs</source>
        <translation>未知 ID</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="65"/>
        <source>IDs seen</source>
        <translation>已见 ID</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="127"/>
        <source>● Recording {name} · {frames} frames</source>
        <translation>● 正在录制 {name} · {frames} 帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="135"/>
        <source>Saved {name} · {frames} frames</source>
        <translation>已保存 {name} · {frames} 帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="164"/>
        <source>■  Stop</source>
        <translation>■  停止</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="164"/>
        <source>●  Record</source>
        <translation>●  录制</translation>
    </message>
</context>
<context>
    <name>CanMonitorPanel</name>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="189"/>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="189"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="189"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="214"/>
        <source>CAN monitor</source>
        <translation>CAN 监视器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="362"/>
        <source>{signal} · last 60 s</source>
        <translation>{signal} · 最近 60 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="365"/>
        <source>Tap a signal to plot it (last 60 s)</source>
        <translation>点击信号查看曲线（最近 60 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="368"/>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="371"/>
        <source>Tap an ID to see its signals</source>
        <translation>点击 ID 查看信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="394"/>
        <source>No DBC message for this ID</source>
        <translation>DBC 中没有此 ID 的报文</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="396"/>
        <source>This frame does not fit its DBC message</source>
        <translation>此帧与 DBC 报文定义不符</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="487"/>
        <source>Cannot record: {line}</source>
        <translation>无法录制：{line}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="505"/>
        <source>Recording failed: {line}</source>
        <translation>录制失败：{line}</translation>
    </message>
</context>
<context>
    <name>EnergyPanel</name>
    <message>
        <location filename="../../ui/panels/energy.py" line="58"/>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="86"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="92"/>
        <source>Power flow</source>
        <translation>能量流</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="98"/>
        <source>Power and speed, last 5 minutes</source>
        <translation>功率与车速（最近 5 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="117"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="127"/>
        <source>Consumption per km</source>
        <translation>每公里能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="162"/>
        <source>Distance</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="163"/>
        <source>Energy used</source>
        <translation>耗电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="164"/>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="165"/>
        <source>Regenerated</source>
        <translation>能量回收</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="167"/>
        <source>Trip computer</source>
        <translation>行车电脑</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="171"/>
        <source>Since start</source>
        <translation>本次行程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="175"/>
        <source>Trip ⟲</source>
        <translation>小计 ⟲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="176"/>
        <source>Reset trip</source>
        <translation>小计里程清零</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="195"/>
        <source>Battery pack</source>
        <translation>电池包</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="197"/>
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="198"/>
        <source>Current</source>
        <translation>电流</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="199"/>
        <source>Temperature min / avg / max</source>
        <translation>温度 最低 / 平均 / 最高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="200"/>
        <source>Cells min / max</source>
        <translation>单体最低 / 最高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="201"/>
        <source>Cell delta</source>
        <translation>单体压差</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="207"/>
        <location filename="../../ui/panels/energy.py" line="322"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="209"/>
        <location filename="../../ui/panels/energy.py" line="316"/>
        <source>Not charging</source>
        <translation>未在充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="230"/>
        <source>Range extender</source>
        <translation>增程器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="232"/>
        <source>Fuel</source>
        <translation>油量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="233"/>
        <source>Generator</source>
        <translation>增程器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="234"/>
        <source>Electric range</source>
        <translation>纯电续航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="235"/>
        <source>Total range</source>
        <translation>综合续航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="317"/>
        <source>Plug in to see the power curve.</source>
        <translation>插枪后显示充电功率曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="322"/>
        <source>Charging finished</source>
        <translation>充电完成</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="324"/>
        <source>target {0:.0f} %</source>
        <translation>目标 {0:.0f} %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="327"/>
        <source>{0} h {1:02d} min to target</source>
        <translation>距目标 {0} 小时 {1:02d} 分</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="328"/>
        <source>{0:.1f} kWh added</source>
        <translation>已充 {0:.1f} kWh</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="370"/>
        <source>Trip average {0:.0f} {1}</source>
        <translation>小计平均 {0:.0f} {1}</translation>
    </message>
</context>
<context>
    <name>FrameTableModel</name>
    <message>
        <location filename="../../ui/models/frame_table.py" line="130"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_table.py" line="131"/>
        <source>Message</source>
        <translation>报文</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_table.py" line="132"/>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_table.py" line="133"/>
        <source>Rate Hz</source>
        <translation>频率 Hz</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_table.py" line="134"/>
        <source>DLC</source>
        <translation>DLC</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_table.py" line="135"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>PowerFlowView</name>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="49"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="50"/>
        <source>Motor</source>
        <translation>电机</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="51"/>
        <source>Climate</source>
        <translation>空调</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="52"/>
        <source>Auxiliaries</source>
        <translation>辅助用电</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="53"/>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="54"/>
        <source>Generator</source>
        <translation>增程器</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../ui/widgets/replay_bar.py" line="44"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="37"/>
        <source>voice: off</source>
        <translation>语音：关</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="40"/>
        <source>Day / night</source>
        <translation>日间 / 夜间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="78"/>
        <source>Outside {0:.0f} {1}</source>
        <translation>车外 {0:.0f} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="93"/>
        <source>Simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="93"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="93"/>
        <source>Live</source>
        <translation>实车</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="96"/>
        <source>{0} {1} · {2:.0f} frames/s</source>
        <translation>{0} {1} · {2:.0f} 帧/秒</translation>
    </message>
</context>
</TS>
